"""charton's chart grammar, independent of any plotting library.

``plan(frame, spec)`` checks the spec against the data (its kind is the one charton's Java side
decided, docs/plan.md), splits series and facets, aggregates, bins and computes box statistics, and
returns a :class:`Plan`: long-form data under
fixed column names that a renderer only has to draw. Every renderer draws the same plan, so the
same options mean the same chart whichever library draws it. chartonpy.reduced builds the same Plan
from the statistic Java computed instead of every row.
"""
import datetime
import decimal
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import boxstats
from .columns import require
from .errors import ChartonError, DataError, UsageError
from .labels import (CATEGORICAL, NUMERIC, TEMPORAL, binned, column_type, heatmap_value_label,  # noqa: F401
                     interval_labels, labels, legend_title, series_column, series_names, split, value_label,
                     x_label, zone)

KINDS = ("line", "scatter", "bar", "hist", "area", "box", "heatmap")
AGGREGATIONS = ("sum", "mean", "count", "min", "max")

# Column names of Plan.data. Fixed names keep user column names (which may hold any character)
# out of every library's field syntax; the user's names only appear in labels.
X, Y, SERIES, FACET, VALUE = "x", "y", "series", "facet", "value"
START, END = "start", "end"  # bin edges of a histogram, whose Y is the count

MAX_SPLITS = 30  # series (--color) or panels (--facet): more is unreadable
MAX_GROUPS = 100  # boxes along x
HEATMAP_CELLS = 50  # a numeric or temporal heatmap axis with more distinct values is binned
DEFAULT_HEATMAP_BINS = 10
MAX_AUTO_BINS = 100


@dataclass
class Plan:
    """What to draw. ``data`` holds X and Y, plus SERIES / FACET when the chart is split; a histogram's
    START, END and Y (the count) of its non-empty bins; a box chart's boxstats.STATS per box."""

    kind: str
    data: pd.DataFrame
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
        groups = dict(tuple(self.data.groupby(FACET, sort=False, observed=True)))
        for facet in self.facets:
            yield facet, groups.get(facet, self.data.iloc[0:0])

    def matrix(self, rows, value):
        """A heatmap panel as a y-by-x array in the plan's category orders (NaN for empty cells)."""
        table = rows.pivot(index=Y, columns=X, values=value)
        return table.reindex(index=self.y_order, columns=self.x_order).to_numpy(dtype=float)

    def series_of(self, rows):
        """(series name or None, its rows) in legend order."""
        if not self.series:
            yield None, rows
            return
        groups = dict(tuple(rows.groupby(SERIES, sort=False, observed=True)))
        for name in self.series:
            if name in groups:
                yield name, groups[name]


def plan(frame, spec):
    """The Plan for drawing ``frame`` as ``spec`` asks; UsageError or DataError when it cannot."""
    check_options(spec)
    columns = _Columns(frame, spec)
    result = _BUILDERS[spec.kind](columns, spec)
    return finish(result, spec)


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


def wall_clock(values):
    """Timestamps of a tz-aware column as naive wall-clock times of their own zone.

    Libraries that draw in the viewer's zone (Vega-Lite, plotly.js) then show the data's zone.
    """
    if getattr(values.dtype, "tz", None) is not None:
        return values.dt.tz_localize(None)
    return values


class _Columns:
    """The columns the options name, checked against the data, with typed access."""

    def __init__(self, frame, spec):
        self.frame = frame
        self.x = self._name(spec.x, "--x")
        self.y = [self._name(name, "--y") for name in spec.y]
        self.color = self._name(spec.color, "--color")
        self.facet = self._name(spec.facet, "--facet")
        self._values = {}

    def _name(self, name, option):
        if name is None:
            return None
        require(self.frame, name, option)
        return name

    def values(self, name):
        if name not in self._values:
            values = self.frame[name].reset_index(drop=True)
            first = _first_valid(values) if values.dtype == object else None
            if isinstance(first, decimal.Decimal):
                values = values.astype(float)
            elif isinstance(first, (datetime.date, datetime.datetime)):
                values = pd.to_datetime(values)
            self._values[name] = values
        return self._values[name]

    def type(self, name):
        return None if name is None else column_type(self.values(name))

    def value_names(self, kind):
        if not self.y:
            raise UsageError("a %s chart needs a numeric column: name one with --y" % kind)
        self.require_numeric(self.y, kind)
        return self.y

    def require_numeric(self, names, kind, option="--y"):
        for name in names:
            if self.type(name) != NUMERIC:
                raise UsageError("%s '%s' is %s, but a %s chart needs numbers there"
                                 % (option, name, self.type(name), kind))

    def split(self, option, name, limit=MAX_SPLITS):
        return (None, None) if name is None else split(self.values(name), option, name, limit)


def _first_valid(values):
    index = values.first_valid_index()
    return None if index is None else values[index]


def _long_form(columns, x_values, value_names):
    """Stacks the value columns under Y; SERIES names the column and/or the --color value."""
    color, color_order = columns.split("--color", columns.color)
    facet, facet_order = columns.split("--facet", columns.facet)
    several = len(value_names) > 1
    pieces = []
    for name in value_names or [None]:
        piece = pd.DataFrame({Y: columns.values(name) if name is not None else np.ones(len(columns.frame))})
        if x_values is not None:
            piece.insert(0, X, x_values)
        if color is not None or several:
            piece[SERIES] = series_column(str(name), color, several)
        if facet is not None:
            piece[FACET] = facet
        pieces.append(piece)
    data = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    return data, series_names(value_names, color_order), facet_order or []


def _keys(data, *first):
    return list(first) + [k for k in (SERIES, FACET) if k in data.columns]


def _aggregate(data, how, keys):
    grouped = data.groupby(keys, sort=False, observed=True, dropna=False)
    result = grouped.size() if how == "count" else grouped[Y].agg(how)
    return result.rename(Y).reset_index()


def _xy_chart(kind):
    def build(columns, spec):
        x_values = columns.values(columns.x) if columns.x is not None else pd.Series(np.arange(len(columns.frame)))
        x_type = column_type(x_values)
        counting = kind == "bar" and not columns.y and (spec.agg in (None, "count"))
        names = [] if counting else columns.value_names(kind)
        x_order = None
        if x_type == CATEGORICAL:
            x_values, x_order = labels(x_values)
        data, series, facets = _long_form(columns, x_values, names)
        data = _drawable(data, kind)
        agg = "count" if counting else spec.agg
        if agg is None and kind in ("bar", "area") and data.duplicated(_keys(data, X)).any():
            agg = "sum"  # bars and stacked areas of repeated x values add up, as in every library
        if agg is not None:
            data = _aggregate(data, agg, _keys(data, X))
        return xy_plan(kind, data, spec, x_type, x_order, series, facets, names, agg,
                       x_label(columns.x, x_values), zone(x_values), len(data))

    return build


def xy_plan(kind, data, spec, x_type, x_order, series, facets, names, agg, xlabel, timezone, point_count):
    """The Plan of a line, scatter, bar or area chart, from its long-form rows (either path)."""
    data = _drawable(data, kind)
    if kind in ("line", "area"):
        data = _sort_by_x(data, x_order)
    result = Plan(kind, data.reset_index(drop=True), spec, x_type=x_type, x_order=x_order, series=series,
                  facets=facets, xlabel=xlabel, ylabel=value_label(names or ["rows"], agg),
                  legend_title=legend_title(spec), timezone=timezone, point_count=point_count)
    if kind == "bar" and series:
        result.bar_layout = "group" if x_type == CATEGORICAL else "stack"
    return result


def _drawable(data, kind):
    """Rows with an x, and with a y unless a line's missing value is a gap to draw."""
    keep = data[X].notna()
    return data[keep & data[Y].notna()] if kind != "line" else data[keep]


def _sort_by_x(data, x_order):
    if x_order is None:
        return data.sort_values(X, kind="stable")
    position = {label: i for i, label in enumerate(x_order)}
    return data.iloc[np.argsort(data[X].map(position).to_numpy(), kind="stable")]


def hist_names(spec):
    """The columns a histogram counts: the --y columns, else --x."""
    return list(spec.y) or ([spec.x] if spec.x is not None else [])


def _hist(columns, spec):
    names = hist_names(spec)
    if not names:
        raise UsageError("a hist chart needs a numeric column: name one with --y")
    for name in names:
        if columns.type(name) != NUMERIC:
            hint = " (try --kind bar, which counts rows per value)" if columns.type(name) else ""
            raise UsageError("a hist chart needs numeric values, but '%s' is %s%s" % (name, columns.type(name), hint))
    data, series, facets = _long_form(columns, None, names)
    data = data[np.isfinite(data[Y].to_numpy(dtype=float))]
    if data.empty:
        raise DataError("no values to count in %s" % ", ".join("'%s'" % n for n in names))
    edges = _bin_edges(data[Y].to_numpy(dtype=float), spec.bins)
    rows = []
    for keys, group in data.groupby(_keys(data), sort=False, observed=True) if _keys(data) else [((), data)]:
        counts, _ = np.histogram(group[Y].to_numpy(dtype=float), edges)
        part = pd.DataFrame({START: edges[:-1], END: edges[1:], Y: counts})
        for key, value in zip(_keys(data), keys if isinstance(keys, tuple) else (keys,)):
            part[key] = value
        rows.append(part[part[Y] > 0])
    return hist_plan(pd.concat(rows, ignore_index=True), spec, series, facets, names, edges)


def hist_plan(data, spec, series, facets, names, edges):
    """A histogram's Plan from the counts of its non-empty bins (either path), in bin order: layered
    bars overlap at their edges, so the order they are drawn in shows."""
    data = data.sort_values(START, kind="stable").reset_index(drop=True)
    return Plan("hist", data, spec, x_type=NUMERIC, series=series, facets=facets,
                xlabel=str(names[0]) if len(names) == 1 else None, ylabel="count",
                legend_title=legend_title(spec), edges=np.asarray(edges, dtype=float))


def _bin_edges(values, bins):
    if bins is not None:
        return np.histogram_bin_edges(values, int(bins))
    edges = np.histogram_bin_edges(values, "auto")
    return edges if len(edges) <= MAX_AUTO_BINS + 1 else np.histogram_bin_edges(values, MAX_AUTO_BINS)


def _box(columns, spec):
    names = columns.value_names("box")
    x_values, x_order = columns.split("--x", columns.x, MAX_GROUPS)
    data, series, facets = _long_form(columns, x_values, names)
    data = data[data[Y].notna()]
    values = data[Y].to_numpy(dtype=float)
    low, high = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    boxes = []
    keys = _keys(data, X) if X in data.columns else _keys(data)
    for key, group in data.groupby(keys, sort=False, observed=True) if keys else [((), data)]:
        stats = boxstats.box_stats(group[Y].to_numpy(dtype=float))
        stats["fliers"] = boxstats.thin_fliers(stats["fliers"], low, high, spec.height)
        boxes.append({**dict(zip(keys, key if isinstance(key, tuple) else (key,))), **stats})
    stats_columns = keys + list(boxstats.STATS)
    return box_plan(pd.DataFrame(boxes, columns=stats_columns), spec, x_order, series, facets, names)


def box_plan(data, spec, x_order, series, facets, names):
    """A box chart's Plan from one row of statistics per box (either path)."""
    return Plan("box", data.reset_index(drop=True), spec, x_type=CATEGORICAL if x_order else None,
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


def _heatmap(columns, spec):
    agg = heatmap_agg(spec)
    value = columns.color
    if value is not None:
        columns.require_numeric([value], "heatmap", "--color")
    x_labels, x_order = _cells(columns.values(columns.x), spec.bins)
    y_labels, y_order = _cells(columns.values(columns.y[0]), spec.bins)
    facet, facets = columns.split("--facet", columns.facet)
    data = pd.DataFrame({X: x_labels, Y: y_labels})
    data[VALUE] = columns.values(value) if value is not None else 1.0
    if facet is not None:
        data[FACET] = facet
    keys = [X, Y] + ([FACET] if facet is not None else [])
    grouped = data.groupby(keys, sort=False, observed=True)
    cells = (grouped.size() if agg == "count" else grouped[VALUE].agg(agg)).rename(VALUE).reset_index()
    return heatmap_plan(cells, spec, x_order, y_order, facets or [], agg)


def heatmap_plan(cells, spec, x_order, y_order, facets, agg):
    """A heatmap's Plan from its labelled cells (either path)."""
    return Plan("heatmap", cells, spec, x_type=CATEGORICAL, x_order=x_order, y_order=y_order, facets=facets,
                xlabel=str(spec.x), ylabel=str(spec.y[0]), value_label=heatmap_value_label(agg, spec.color))


def _cells(values, bins):
    """Heatmap axis labels: categories as they are; many numbers or times binned into intervals."""
    kind = column_type(values)
    if kind == CATEGORICAL or values.nunique() <= HEATMAP_CELLS:
        return labels(values)
    count = int(bins or DEFAULT_HEATMAP_BINS)
    if kind == NUMERIC:
        edges = _round_edges(values.min(), values.max(), count)
        index = pd.cut(values, edges, right=False, labels=False)
        return binned(index, interval_labels(edges))
    cut = pd.cut(values, count)
    categories = cut.cat.categories
    edges = np.append(categories.left.as_unit("ns").asi8, categories.right.as_unit("ns").asi8[-1])
    return binned(cut.cat.codes.where(cut.notna()), interval_labels(edges, temporal=True, zone=zone(values)))


def _round_edges(low, high, count):
    """About ``count`` intervals of a round width (1, 2, 2.5 or 5 times a power of ten) covering [low, high]."""
    raw = (float(high) - float(low)) / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(float(low) / step) * step
    return start + step * np.arange(math.floor((float(high) - start) / step) + 2)


_BUILDERS = {
    "line": _xy_chart("line"),
    "scatter": _xy_chart("scatter"),
    "bar": _xy_chart("bar"),
    "area": _xy_chart("area"),
    "hist": _hist,
    "box": _box,
    "heatmap": _heatmap,
}
