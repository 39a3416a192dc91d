"""Tick labels that never overlap, on matplotlib figures (matplotlib and seaborn renderers).

Long category labels are shortened first; then, once the figure is laid out, the axes whose tick
labels overlap are fixed in steps, measuring again after each: x labels slanted, then labels thinned
(every k-th tick keeps its label) until they fit.

Measuring needs a laid-out figure. Saving a PNG or JPEG lays it out anyway, so a figure charton drew
is measured after its first raster save and saved again only when a label had to change (a third
of a small plot's drawing time saved: docs/benchmarks.md); before a vector save it is laid out once
without drawing, since vector formats measure text in units of their own.
"""
import math

from matplotlib.ticker import FixedLocator

from .shorten import MAX_LABEL, shortened  # noqa: F401 (shortened: also this module's API)

SLANT = 35  # degrees
GAP = 2  # pixels that must separate two labels
MAX_THINNING = 64


_PENDING = "charton_fits_tick_labels"


def fit_when_saved(fig):
    """Shortens long category labels now (before any layout: labels this long would squeeze the plot
    to nothing) and marks ``fig`` so that saving it (``save``) fits the rest."""
    for ax in fig.axes:
        _shorten(ax.xaxis)
        _shorten(ax.yaxis)
    setattr(fig, _PENDING, True)


def save(fig, write, raster):
    """The bytes ``write(fig)`` makes, with the tick labels of a marked figure fitted first (vector
    formats, ``raster`` false) or after a first save that laid it out (``raster`` true)."""
    if not getattr(fig, _PENDING, False):
        return write(fig)
    if not raster:
        fig.draw_without_rendering()
        fit(fig)
        return write(fig)
    saved = write(fig)
    return write(fig) if fit(fig) else saved


def fit(fig):
    """Slants and thins the tick labels of every axes of ``fig``, laid out already, until none
    overlap, laying it out again after each step; whether any label changed."""
    steps = [_slant] + [lambda axis, k=k: _thin(axis, k) for k in (2, 4, 8, 16, 32, MAX_THINNING)]
    changed = False
    for step in steps:
        crowded = crowded_axes(fig)
        if not crowded:
            break
        for axis in crowded:
            step(axis)
        changed = True
        fig.draw_without_rendering()
    return changed


def crowded_axes(fig):
    """The axes (x or y) of ``fig``, laid out already, with two visible tick labels that overlap."""
    return [axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) if _overlap(axis)]


def _overlap(axis):
    labels = [label for label in axis.get_ticklabels() if label.get_visible() and label.get_text()]
    angles = {label.get_rotation() % 180 for label in labels}
    if angles and angles != {0.0} and len(angles) == 1:
        return _slanted_overlap(labels, math.radians(angles.pop()))
    boxes = sorted((label.get_window_extent() for label in labels), key=lambda box: (box.x0, box.y0))
    return any(a.padded(GAP / 2).overlaps(b.padded(GAP / 2)) for a, b in zip(boxes, boxes[1:]))


def _slanted_overlap(labels, angle):
    """Whether two labels slanted alike overlap: their rectangles (not the upright boxes around
    them, which overlap long before the text does) meet along the slant and across it."""
    along, across = (math.cos(angle), math.sin(angle)), (-math.sin(angle), math.cos(angle))
    shapes = []
    for label in labels:
        centre = label.get_window_extent()
        rotation = label.get_rotation()
        label.set_rotation(0)
        upright = label.get_window_extent()
        label.set_rotation(rotation)
        x, y = (centre.x0 + centre.x1) / 2, (centre.y0 + centre.y1) / 2
        shapes.append((x * along[0] + y * along[1], x * across[0] + y * across[1], upright.width, upright.height))
    shapes.sort(key=lambda shape: shape[1])
    return any(abs(a[0] - b[0]) < (a[2] + b[2]) / 2 + GAP and abs(a[1] - b[1]) < (a[3] + b[3]) / 2 + GAP
               for a, b in zip(shapes, shapes[1:]))


def _shorten(axis):
    if not isinstance(axis.get_major_locator(), FixedLocator):
        return  # checked first: listing the labels computes the ticks
    labels = [label.get_text() for label in axis.get_ticklabels()]
    if any(len(text) > MAX_LABEL for text in labels):
        axis.set_ticks(axis.get_ticklocs(), [shortened(text) for text in labels])


def _slant(axis):
    if axis.axis_name != "x":
        return
    axis.set_tick_params(labelrotation=SLANT)
    for label in axis.get_ticklabels():
        label.set_horizontalalignment("right")
        label.set_rotation_mode("anchor")


def _thin(axis, step):
    """Every ``step``-th tick keeps its label (the ticks themselves stay)."""
    for i, label in enumerate(axis.get_ticklabels()):
        label.set_visible(i % step == 0)
