"""Tick labels that never overlap on plotly figures, set in the layout before any browser draws it.

No browser lays the figure out here, so the labels are measured with a real font (label_fit). A
category axis whose labels do not fit side by side gets them shortened, then slanted, then on end
with only every k-th labelled (tickvals and ticktext); a time axis gets at most as many ticks
(nticks) as its labels fit. Every fitted axis has automargin, so slanted labels push the margin
rather than leave the figure.
"""
from . import label_fit

DEFAULT_FONT = 12
TIME_LABELS = ("Mar 2025", "12:00:00")  # plotly's longest usual time tick labels
# plotly's default margins (pixels): the plot area is the figure less these.
MARGIN = {"l": 80, "r": 80, "t": 100, "b": 80}


def fit(fig, x_labels=None, y_labels=None, x_time=False):
    """Fits the tick labels of every x axis (``x_labels``: its categories; ``x_time``: a time
    axis) and, for ``y_labels``, every y axis."""
    font = _font_size(fig)
    width, height = _plot_size(fig)
    for name in _axes(fig, "xaxis"):
        axis = fig.layout[name]
        length = width * _span(axis)
        if x_labels:
            fit_categories(axis, x_labels, length, font, across=True)
        elif x_time:
            axis.update(nticks=label_fit.time_ticks(length, font, TIME_LABELS), automargin=True)
    if y_labels:
        for name in _axes(fig, "yaxis"):
            fit_categories(fig.layout[name], y_labels, height * _span(fig.layout[name]), font, across=False)


def fit_categories(axis, labels, length, font, across):
    """Shortened labels, every k-th of them shown, slanted (x axes) when they do not fit level."""
    labels = [str(label) for label in labels]
    text, angle, step = label_fit.categories(labels, length, font, across)
    axis.update(tickmode="array", tickvals=labels[::step], ticktext=text[::step], automargin=True)
    if across:
        axis.update(tickangle=-angle)


def _axes(fig, prefix):
    names = [name for name in fig.layout.to_plotly_json() if name.startswith(prefix)]
    return names or [prefix]


def _span(axis):
    low, high = axis.domain or (0, 1)
    return high - low


def _font_size(fig):
    size = fig.layout.font.size
    if size is None and fig.layout.template is not None and fig.layout.template.layout is not None:
        size = fig.layout.template.layout.font.size
    return size or DEFAULT_FONT


def _plot_size(fig):
    margin = {side: getattr(fig.layout.margin, side) for side in MARGIN}
    margin = {side: MARGIN[side] if value is None else value for side, value in margin.items()}
    return (fig.layout.width - margin["l"] - margin["r"], fig.layout.height - margin["t"] - margin["b"])
