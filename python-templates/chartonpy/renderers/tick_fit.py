"""Tick labels that never overlap, on matplotlib figures (matplotlib and seaborn renderers).

Long category labels are shortened first; then, once the figure is laid out, the axes whose tick
labels overlap are fixed in steps, measuring again after each: x labels slanted, then labels thinned
(every k-th tick keeps its label) until they fit. Measuring lays the figure out without drawing it, so a figure
whose labels fit costs one layout.
"""
from matplotlib.ticker import FixedLocator

from .shorten import MAX_LABEL, shortened  # noqa: F401 (shortened: also this module's API)

SLANT = 35  # degrees
GAP = 2  # pixels that must separate two labels
MAX_THINNING = 64


def fit(fig):
    """Shortens, slants and thins the tick labels of every axes of ``fig`` until none overlap."""
    for ax in fig.axes:  # before any layout: labels this long would squeeze the plot to nothing
        _shorten(ax.xaxis)
        _shorten(ax.yaxis)
    steps = [_slant] + [lambda axis, k=k: _thin(axis, k) for k in (2, 4, 8, 16, 32, MAX_THINNING)]
    for step in steps:
        crowded = crowded_axes(fig)
        if not crowded:
            return
        for axis in crowded:
            step(axis)


def crowded_axes(fig):
    """The axes (x or y) of ``fig`` with two visible tick labels that overlap, once laid out."""
    fig.draw_without_rendering()
    return [axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) if _overlap(axis)]


def _overlap(axis):
    boxes = sorted((label.get_window_extent() for label in axis.get_ticklabels()
                    if label.get_visible() and label.get_text()), key=lambda box: (box.x0, box.y0))
    return any(a.padded(GAP / 2).overlaps(b.padded(GAP / 2)) for a, b in zip(boxes, boxes[1:]))


def _shorten(axis):
    labels = [label.get_text() for label in axis.get_ticklabels()]
    if isinstance(axis.get_major_locator(), FixedLocator) and any(len(text) > MAX_LABEL for text in labels):
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
