"""The Plan: what a renderer draws, in fixed column names, whether Python computed it from every row
(chartonpy.grammar) or built it from the statistic Java sent (chartonpy.reduced). numpy only, so a
reduced plan drawn with matplotlib never imports pandas; the builders both paths end in are here.
"""
import math
from dataclasses import dataclass, field

import numpy as np

from .errors import ChartonError, UsageError
from .labels import CATEGORICAL, NUMERIC, TEMPORAL, heatmap_value_label, legend_title, value_label  # noqa: F401
from .rows import Rows

KINDS = ("line", "scatter", "bar", "hist", "area", "box", "heatmap")
AGGREGATIONS = ("sum", "mean", "count", "min", "max")

# Column names of Plan.data. Fixed names keep user column names (which may hold any character)
# out of every library's field syntax; the user's names only appear in labels.
X, Y, SERIES, FACET, VALUE = "x", "y", "series", "facet", "value"
START, END = "start", "end"  # bin edges of a histogram, whose Y is the count

MAX_SPLITS = 30  # series (--color) or panels (--facet): more is unreadable
MAX_GROUPS = 100  # boxes along x
HEATMAP_CELLS = 50  # a numeric or temporal heatmap axis with more distinct values is binned
DEFAULT_HEATMAP_BINS = 10  # a binned numeric axis; a time axis has at most HEATMAP_CELLS (calendar_bins)
MAX_AUTO_BINS = 100


@dataclass
class Plan:
    """What to draw. ``data`` (numpy columns, chartonpy.rows; ``frame()`` as a DataFrame) holds X and
    Y, plus SERIES / FACET when the chart is split; a histogram's START, END and Y (the count) of its
    non-empty bins; a box chart's boxstats.STATS per box."""

    kind: str
    data: Rows
    spec: object
    x_type: str = None  # TEMPORAL, NUMERIC or CATEGORICAL; None when the kind has no x column
    x_order: list = None  # category order of a categorical x axis
    y_order: list = None  # category order of a heatmap's y axis
    series: list = field(default_factory=list)  # legend order; empty for a single series
    facets: list = field(default_factory=list)  # panel order; empty for a single panel
    title: str = None
    xlabel: str = None
    ylabel: str = None
    legend_title: str = None
    value_label: str = None  # what a heatmap's colour means
    timezone: str = None  # zone of a tz-aware temporal x, shown in that zone
    time_of_day: bool = False  # a temporal x of times of day, on 1970-01-01 (chartonpy.clock)
    bar_layout: str = None  # "group" or "stack" when bars of several series share an x
    edges: np.ndarray = None  # a histogram's bin edges, the same for every series and panel
    point_count: int = None  # the rows a scatter stands for (rows read, whatever was sent)

    def grid(self):
        """(rows, columns) of the facet panels."""
        count = max(1, len(self.facets))
        columns = math.ceil(math.sqrt(count))
        return math.ceil(count / columns), columns

    def panels(self):
        """(facet value or None, that panel's rows) in panel order."""
        if not self.facets:
            yield None, self.data
            return
        for facet in self.facets:
            yield facet, self.data.take(self.data[FACET] == facet)

    def matrix(self, rows, value):
        """A heatmap panel as a y-by-x array in the plan's category orders (NaN for empty cells)."""
        matrix = np.full((len(self.y_order), len(self.x_order)), np.nan)
        row = {label: i for i, label in enumerate(self.y_order)}
        column = {label: i for i, label in enumerate(self.x_order)}
        for y, x, v in zip(rows[Y], rows[X], rows[value]):
            matrix[row[y], column[x]] = v
        return matrix

    def series_of(self, rows):
        """(series name or None, its rows) in legend order."""
        if not self.series:
            yield None, rows
            return
        yield from rows.groups(SERIES, self.series)

    def frame(self, rows=None):
        """``rows`` (all of them by default) as a pandas DataFrame, times in the data's zone."""
        frame = (self.data if rows is None else rows).to_pandas()
        if self.x_type == TEMPORAL and self.timezone and X in frame.columns:
            frame[X] = frame[X].dt.tz_localize("UTC").dt.tz_convert(self.timezone)
        return frame


def check_options(spec):
    if spec.kind is None:
        raise ChartonError("the request has no chart kind: charton decides it before sending (docs/plan.md)")
    if spec.kind not in KINDS:
        raise UsageError("--kind: unknown kind '%s' (expected one of %s)" % (spec.kind, ", ".join(KINDS)))
    if spec.agg is not None and spec.agg not in AGGREGATIONS:
        raise UsageError("--agg: unknown aggregation '%s' (expected one of %s)" % (spec.agg, ", ".join(AGGREGATIONS)))
    if spec.bins is not None and int(spec.bins) < 1:
        raise UsageError("--bins must be at least 1")
    if spec.kind in ("hist", "box") and spec.agg is not None:
        raise UsageError("--agg does not apply to a %s chart" % spec.kind)
    if spec.bins is not None and spec.kind not in ("hist", "heatmap"):
        raise UsageError("--bins applies to hist and heatmap charts, not %s" % spec.kind)


def finish(result, spec):
    """The options every kind shares: title, axis titles given on the command line, scales."""
    result.title = spec.title
    result.xlabel = spec.xlabel if spec.xlabel is not None else result.xlabel
    result.ylabel = spec.ylabel if spec.ylabel is not None else result.ylabel
    if result.kind == "heatmap" and (spec.log_x or spec.log_y):
        raise UsageError("--log-x and --log-y do not apply to a heatmap")
    if spec.log_x and result.x_type != NUMERIC:
        raise UsageError("--log-x needs a numeric x axis, but this one is %s" % (result.x_type or "absent"))
    return result


def marker_size(points):
    """Marker diameter in points: smaller for more points, so a big scatter stays readable."""
    return 4.0 if points <= 2000 else 2.0 if points <= 100_000 else 1.0


def marker_alpha(points, alone=0.75):
    """Marker opacity: ``alone`` up to 100,000 points, fainter beyond, so dense areas stand out."""
    return alone if points <= 100_000 else alone * 0.6 if points <= 1_000_000 else alone * 0.35


def isolated(ys):
    """Where a line has a value with no value beside it (nulls or the ends around it): a line draws
    nothing there, so renderers mark these points."""
    ys = np.asarray(ys, dtype=float)
    present = np.isfinite(ys)
    before = np.concatenate([[False], present[:-1]])
    after = np.concatenate([present[1:], [False]])
    return present & ~before & ~after


def wall_clock(values):
    """Timestamps of a tz-aware column as naive wall-clock times of their own zone.

    Libraries that draw in the viewer's zone (Vega-Lite, plotly.js) then show the data's zone.
    """
    if getattr(values.dtype, "tz", None) is not None:
        return values.dt.tz_localize(None)
    return values


def xy_plan(kind, data, spec, x_type, x_order, series, facets, names, agg, xlabel, timezone, point_count,
            time_of_day=False):
    """The Plan of a line, scatter, bar or area chart, from its long-form rows (either path)."""
    data = data.take(drawable(missing(data[X]), missing(data[Y]), kind))
    if kind in ("line", "area"):
        data = _sort_by_x(data, x_order)
    result = Plan(kind, data, spec, x_type=x_type, x_order=x_order, series=series,
                  facets=facets, xlabel=xlabel, ylabel=value_label(names or ["rows"], agg),
                  legend_title=legend_title(spec), timezone=timezone, point_count=point_count,
                  time_of_day=time_of_day)
    if kind == "bar" and series:
        result.bar_layout = "group" if x_type == CATEGORICAL else "stack"
    return result


def drawable(x_missing, y_missing, kind):
    """Which rows to draw: those with an x, and with a y unless a line's missing value is a gap."""
    return ~x_missing if kind == "line" else ~(x_missing | y_missing)


def missing(values):
    """Null markers of a numpy column (NaN, NaT or None)."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind in "mM":
        return np.isnat(values)
    if values.dtype.kind == "O":
        return np.array([v is None or v != v for v in values], dtype=bool)
    return np.zeros(len(values), dtype=bool)


def _sort_by_x(data, x_order):
    if x_order is None:
        return data.take(np.argsort(data[X], kind="stable"))
    position = {label: i for i, label in enumerate(x_order)}
    return data.take(np.argsort(np.array([position[v] for v in data[X]]), kind="stable"))


def hist_names(spec):
    """The columns a histogram counts: the --y columns, else --x."""
    return list(spec.y) or ([spec.x] if spec.x is not None else [])


def hist_plan(data, spec, series, facets, names, edges):
    """A histogram's Plan from the counts of its bins (either path): the non-empty ones, in bin order: layered
    bars overlap at their edges, so the order they are drawn in shows."""
    data = data.take(data[Y] > 0)
    data = data.take(np.argsort(data[START], kind="stable"))
    return Plan("hist", data, spec, x_type=NUMERIC, series=series, facets=facets,
                xlabel=str(names[0]) if len(names) == 1 else None, ylabel="count",
                legend_title=legend_title(spec), edges=np.asarray(edges, dtype=float))


def box_plan(data, spec, x_order, series, facets, names):
    """A box chart's Plan from one row of statistics per box (either path)."""
    return Plan("box", data, spec, x_type=CATEGORICAL if x_order else None,
                x_order=x_order, series=series, facets=facets, xlabel=str(spec.x) if x_order else None,
                ylabel=str(names[0]) if len(names) == 1 else None, legend_title=legend_title(spec))


def heatmap_agg(spec):
    """The aggregation of a heatmap's cells, checked against its options."""
    if spec.x is None or len(spec.y) != 1:
        raise UsageError("a heatmap needs one --x and one --y column (and optionally a --color value)")
    agg = spec.agg or ("mean" if spec.color is not None else "count")
    if spec.color is None and agg != "count":
        raise UsageError("--agg %s needs a value to aggregate: name its column with --color" % agg)
    return agg


def heatmap_plan(cells, spec, x_order, y_order, facets, agg):
    """A heatmap's Plan from its labelled cells (either path)."""
    return Plan("heatmap", cells, spec, x_type=CATEGORICAL, x_order=x_order, y_order=y_order, facets=facets,
                xlabel=str(spec.x), ylabel=str(spec.y[0]), value_label=heatmap_value_label(agg, spec.color))
