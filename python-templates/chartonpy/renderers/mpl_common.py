"""What the matplotlib and seaborn renderers share: the figure and its panels, x positions, date
axes, scales, labels, legend and colour bar. Each renderer supplies only its drawing functions.

Figures are made with matplotlib.figure.Figure, not pyplot, so no global figure state survives a
request. Categorical x values are drawn at positions 0..n-1 and temporal ones as matplotlib date
numbers in UTC; tick locators and formatters then show dates in the data's own zone.
"""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import Formatter  # noqa: E402

from .. import clock, palette  # noqa: E402
from . import tick_fit  # noqa: E402
from ..plans import CATEGORICAL, TEMPORAL, X  # noqa: E402

_DASHES = {"solid": "-", "dashed": "--", "dotted": ":"}
_MARKERS = {"circle": "o", "square": "s", "triangle": "^"}


def draw_panels(plan, theme_colours, draw):
    """A Figure with one axes per panel, each filled by ``draw[plan.kind](ax, rows, plan, colours)``."""
    spec = plan.spec
    colours = series_colours(plan, theme_colours)
    fig = Figure(figsize=(spec.width / spec.dpi, spec.height / spec.dpi), dpi=spec.dpi, layout="constrained")
    # A figure's own raster canvas keeps one renderer for every measurement and draw; without it,
    # each layout pass and label measurement makes a renderer (a full-size pixel buffer) of its own.
    FigureCanvasAgg(fig)
    rows, columns = plan.grid()
    axes = list(fig.subplots(rows, columns, sharex=True, sharey=True, squeeze=False).ravel())
    used, mappable = [], None
    for ax, (facet, panel) in zip(axes, plan.panels()):
        mappable = draw[plan.kind](ax, with_positions(plan, panel), plan, colours) or mappable
        if facet is not None:
            ax.set_title("%s = %s" % (spec.facet, facet), fontsize="medium")
        used.append(ax)
    for ax in axes[len(used):]:
        fig.delaxes(ax)
    for ax in used[max(0, len(used) - columns):]:
        ax.xaxis.set_tick_params(labelbottom=True)  # the last panel of each column shows the x ticks
    _finish(fig, used, plan, colours, mappable)
    tick_fit.fit_when_saved(fig)
    return fig


def series_colours(plan, theme_colours):
    """{series name: colour}, the theme's colours first (chartonpy.palette); an unsplit chart's one series is None."""
    names = plan.series or [None]
    return dict(zip(names, palette.series_colours(len(names), theme_colours)))


def series_marks(plan, name):
    """(matplotlib line style, marker) of a series: solid circles, and dashes and shapes past ten series."""
    dash, marker = palette.series_style(plan.series.index(name) if name is not None else 0)
    return _DASHES[dash], _MARKERS[marker]


def with_positions(plan, rows):
    """``rows`` with X as numbers matplotlib can place (heatmaps keep their labels)."""
    if plan.kind == "heatmap" or X not in rows:
        return rows
    return rows.with_column(X, x_positions(plan, rows[X]))


def x_positions(plan, values):
    """Numbers for a Plan's x values (times are datetime64 in UTC)."""
    if plan.x_type == CATEGORICAL:
        index = {label: float(i) for i, label in enumerate(plan.x_order)}
        return np.array([index[v] for v in values], dtype=float)
    if plan.x_type == TEMPORAL:
        return mdates.date2num(values)
    return values


def bar_width(plan):
    """Bars take 80% of the closest spacing of x values, the same in every panel."""
    if plan.x_type == CATEGORICAL:
        return 0.8
    xs = np.unique(x_positions(plan, plan.data[X]).astype(float))
    gaps = np.diff(xs)
    return 0.8 * (float(gaps.min()) if len(gaps) else 1.0)


def _finish(fig, axes, plan, colours, mappable):
    if plan.title:
        fig.suptitle(plan.title)
    if len(axes) == 1:
        axes[0].set_xlabel(plan.xlabel or "")
        axes[0].set_ylabel(plan.ylabel or "")
    else:
        for ax in axes:
            ax.set_xlabel("")  # seaborn labels every panel with the plan's internal column names
            ax.set_ylabel("")
        if plan.xlabel:
            fig.supxlabel(plan.xlabel)
        if plan.ylabel:
            fig.supylabel(plan.ylabel)
    for ax in axes:
        _x_axis(ax, plan)
        if plan.spec.log_x:
            ax.set_xscale("log")
        if plan.spec.log_y:
            ax.set_yscale("log")
        if plan.spec.xlim:
            ax.set_xlim(*(_date_number(v, plan.timezone) if isinstance(v, datetime) else v for v in plan.spec.xlim))
        if plan.spec.ylim:
            ax.set_ylim(*plan.spec.ylim)
    if plan.series:
        handles = [_legend_handle(plan, colours[name], name) for name in plan.series]
        fig.legend(handles=handles, title=plan.legend_title, loc="outside right upper")
    if mappable is not None:
        fig.colorbar(mappable, ax=axes, label=plan.value_label)


def _x_axis(ax, plan):
    if plan.x_type == TEMPORAL and plan.time_of_day:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator())
        ax.xaxis.set_major_formatter(_ClockFormatter())
    elif plan.x_type == TEMPORAL:
        locator = mdates.AutoDateLocator(tz=plan.timezone)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=plan.timezone))
    elif plan.x_type == CATEGORICAL and plan.kind != "heatmap":
        ax.set_xticks(np.arange(len(plan.x_order)), plan.x_order)  # slanted by tick_fit only when they collide
    elif plan.kind == "box" and not plan.x_order:
        ax.set_xticks([])


class _ClockFormatter(Formatter):
    """Ticks of a time-of-day axis (date numbers on 1970-01-01) as clock times, all in the pattern
    that writes each tick exactly (chartonpy.clock)."""

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]

    def format_ticks(self, values):
        nanos = [round(float(v) * 86_400 * 10 ** 6) * 1000 for v in values]
        layout = clock.pattern(nanos)
        return [clock.text(n, layout) for n in nanos]


def _date_number(wall_clock, zone):
    """matplotlib's number of a wall-clock time of ``zone`` (None: UTC): temporal x values are drawn in UTC."""
    if zone is not None:
        wall_clock = wall_clock.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc).replace(tzinfo=None)
    return mdates.date2num(wall_clock)


def _legend_handle(plan, colour, name):
    dash, marker = series_marks(plan, name)
    if plan.kind == "line":
        return Line2D([], [], color=colour, linestyle=dash, label=name)
    if plan.kind == "scatter":
        return Line2D([], [], color=colour, marker=marker, linestyle="none", label=name)
    return Patch(facecolor=colour, label=name)


def value_range(plan, column):
    """(low, high) of a column over all panels, so every panel shares one colour scale."""
    values = np.asarray(plan.data[column], dtype=float)
    finite = values[np.isfinite(values)]
    return (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
