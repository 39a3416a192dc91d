"""charton's chart grammar, independent of any plotting library.

``plan(frame, spec)`` checks the spec against the data, chooses the kind when none is given,
splits series and facets, aggregates and bins, and returns a :class:`Plan`: long-form data under
fixed column names that a renderer only has to draw. Every renderer draws the same plan, so the
same options mean the same chart whichever library draws it.
"""
import datetime
import decimal
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .columns import require
from .errors import DataError, UsageError

KINDS = ("line", "scatter", "bar", "hist", "area", "box", "heatmap")
AGGREGATIONS = ("sum", "mean", "count", "min", "max")
TEMPORAL, NUMERIC, CATEGORICAL = "temporal", "numeric", "categorical"

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
    """What to draw. ``data`` holds X and Y, plus SERIES / FACET when the chart is split."""

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


def column_type(values):
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return TEMPORAL
    if pd.api.types.is_bool_dtype(values.dtype):
        return CATEGORICAL
    if pd.api.types.is_numeric_dtype(values.dtype):
        return NUMERIC
    return CATEGORICAL


def infer_kind(x_type, y_types):
    """The kind charton draws when --kind is not given, from the types of --x and --y."""
    if x_type is None:
        if len(y_types) == 1 and y_types[0] == NUMERIC:
            return "hist"
        if y_types and all(t == NUMERIC for t in y_types):
            return "line"
        raise UsageError("cannot choose a chart for these columns: give --kind")
    if not y_types:
        return "hist" if x_type == NUMERIC else "bar"
    if all(t == NUMERIC for t in y_types):
        return {TEMPORAL: "line", NUMERIC: "scatter", CATEGORICAL: "bar"}[x_type]
    if x_type == CATEGORICAL and y_types == [CATEGORICAL]:
        return "heatmap"
    raise UsageError("cannot choose a chart for a categorical --y against a %s --x: give --kind" % x_type)


def plan(frame, spec):
    """The Plan for drawing ``frame`` as ``spec`` asks; UsageError or DataError when it cannot."""
    _check_options(spec)
    columns = _Columns(frame, spec)
    kind = spec.kind or infer_kind(columns.type(columns.x), [columns.type(y) for y in columns.y])
    _check_applies(kind, spec)
    result = _BUILDERS[kind](columns, spec)
    result.title = spec.title
    result.xlabel = spec.xlabel if spec.xlabel is not None else result.xlabel
    result.ylabel = spec.ylabel if spec.ylabel is not None else result.ylabel
    _check_scales(result, spec)
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


def _check_options(spec):
    if spec.kind is not None and spec.kind not in KINDS:
        raise UsageError("--kind: unknown kind '%s' (expected one of %s)" % (spec.kind, ", ".join(KINDS)))
    if spec.agg is not None and spec.agg not in AGGREGATIONS:
        raise UsageError("--agg: unknown aggregation '%s' (expected one of %s)" % (spec.agg, ", ".join(AGGREGATIONS)))
    if spec.bins is not None and int(spec.bins) < 1:
        raise UsageError("--bins must be at least 1")


def _check_applies(kind, spec):
    if kind in ("hist", "box") and spec.agg is not None:
        raise UsageError("--agg does not apply to a %s chart" % kind)
    if spec.bins is not None and kind not in ("hist", "heatmap"):
        raise UsageError("--bins applies to hist and heatmap charts, not %s" % kind)


class _Columns:
    """The columns the options name, checked against the data, with typed access."""

    def __init__(self, frame, spec):
        self.frame = frame
        self.x = self._name(spec.x, "--x")
        self.y = [self._name(name, "--y") for name in spec.y]
        self.color = self._name(spec.color, "--color")
        self.facet = self._name(spec.facet, "--facet")
        self._values = {}
        if self.x is None and not self.y:
            self._choose_default_columns(spec)

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

    def numeric(self, exclude=()):
        return [c for c in self.frame.columns if c not in exclude and self.type(c) == NUMERIC]

    def _choose_default_columns(self, spec):
        """With neither --x nor --y: a time series when there is a date column, else one histogram."""
        used = (self.color, self.facet)
        numeric = self.numeric(exclude=used)
        temporal = [c for c in self.frame.columns if c not in used and self.type(c) == TEMPORAL]
        if spec.kind in (None, "line", "area", "scatter", "bar") and temporal and numeric:
            self.x, self.y = temporal[0], numeric[:1]
        elif spec.kind in (None, "hist", "box") and len(numeric) >= 1 and (spec.kind or len(numeric) == 1):
            self.y = numeric[:1]
        elif spec.kind != "heatmap":
            raise UsageError("name the columns to plot with --x and --y (columns: %s)"
                             % ", ".join(str(c) for c in self.frame.columns))

    def first_numeric(self, kind):
        candidates = self.numeric(exclude=(self.x, self.color, self.facet))
        if not candidates:
            raise UsageError("a %s chart needs a numeric column: name one with --y" % kind)
        return candidates[:1]

    def require_numeric(self, names, kind, option="--y"):
        for name in names:
            if self.type(name) != NUMERIC:
                raise UsageError("%s '%s' is %s, but a %s chart needs numbers there"
                                 % (option, name, self.type(name), kind))


def _first_valid(values):
    index = values.first_valid_index()
    return None if index is None else values[index]


# ---------------------------------------------------------------------------------------------
# Category labels: every categorical axis, series and panel is drawn from plain strings, in an
# order charton chooses once for all renderers.

NULL_LABEL = "null"


def _labels(values):
    """(labels as a str Series, their order): categories in declared order, else sorted values."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = set(values.dropna().unique())
        order_values = [c for c in values.cat.categories if c in present]
        values = values.astype(object)
    else:
        order_values = list(pd.unique(values.dropna()))
        try:
            order_values.sort()
        except TypeError:
            order_values.sort(key=str)
    text = _format(values)
    order = list(_format(pd.Series(order_values, dtype=values.dtype if order_values else object)))
    if values.isna().any():
        order.append(NULL_LABEL)
    return text, _unique_in_order(order)


def _format(values):
    if column_type(values) == TEMPORAL:
        valid = values.dropna()
        midnight = valid.empty or bool((valid.dt.normalize() == valid).all())
        text = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M")
    else:
        text = values.astype(object).map(str, na_action="ignore")
    return text.fillna(NULL_LABEL).astype(object)


def _unique_in_order(items):
    return list(dict.fromkeys(items))


def _split(columns, option, name, limit=MAX_SPLITS):
    if name is None:
        return None, []
    labels, order = _labels(columns.values(name))
    if len(order) > limit:
        raise UsageError("%s '%s' has %d distinct values; one %s per value needs at most %d"
                         % (option, name, len(order), "panel" if option == "--facet" else "series", limit))
    return labels, order


# ---------------------------------------------------------------------------------------------
# Long form: one row per drawn value, with its series and panel.

def _long_form(columns, x_values, value_names):
    """Stacks the value columns under Y; SERIES names the column and/or the --color value."""
    color, color_order = _split(columns, "--color", columns.color)
    facet, facet_order = _split(columns, "--facet", columns.facet)
    pieces, series = [], []
    for name in value_names or [None]:
        piece = pd.DataFrame({Y: columns.values(name) if name is not None else np.ones(len(columns.frame))})
        if x_values is not None:
            piece.insert(0, X, x_values)
        if color is not None:
            piece[SERIES] = color if len(value_names) <= 1 else str(name) + ", " + color
            series += color_order if len(value_names) <= 1 else ["%s, %s" % (name, c) for c in color_order]
        elif len(value_names) > 1:
            piece[SERIES] = str(name)
            series.append(str(name))
        if facet is not None:
            piece[FACET] = facet
        pieces.append(piece)
    data = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    return data, _unique_in_order(series), facet_order


def _keys(data, *first):
    return list(first) + [k for k in (SERIES, FACET) if k in data.columns]


def _aggregate(data, how, keys):
    grouped = data.groupby(keys, sort=False, observed=True, dropna=False)
    result = grouped.size() if how == "count" else grouped[Y].agg(how)
    return result.rename(Y).reset_index()


def _value_label(names, agg):
    if agg == "count":
        return "count"
    single = str(names[0]) if len(names) == 1 else None
    if agg:
        return "%s of %s" % (agg, single) if single else agg
    return single


def _x_axis(columns):
    """(x values, type, label): the --x column, or the row number."""
    if columns.x is None:
        return pd.Series(np.arange(len(columns.frame))), NUMERIC, "row"
    values = columns.values(columns.x)
    kind = column_type(values)
    tz = getattr(values.dtype, "tz", None)
    label = str(columns.x) + (" (%s)" % tz if tz is not None else "")
    return values, kind, label


def _xy_chart(kind):
    def build(columns, spec):
        x_values, x_type, x_label = _x_axis(columns)
        names = columns.y
        counting = kind == "bar" and not names and (spec.agg in (None, "count"))
        if not names and not counting:
            names = columns.first_numeric(kind)
        columns.require_numeric(names, kind)
        if x_type == CATEGORICAL:
            x_values, x_order = _labels(x_values)
        else:
            x_order = None
        data, series, facets = _long_form(columns, x_values, names)
        data = data[data[X].notna()]
        if kind != "line":
            data = data[data[Y].notna()]
        agg = "count" if counting else spec.agg
        if agg is None and kind in ("bar", "area") and data.duplicated(_keys(data, X)).any():
            agg = "sum"  # bars and stacked areas of repeated x values add up, as in every library
        if agg is not None:
            data = _aggregate(data, agg, _keys(data, X))
        if kind in ("line", "area"):
            data = _sort_by_x(data, x_order)
        plan_ = Plan(kind, data.reset_index(drop=True), spec, x_type=x_type, x_order=x_order, series=series,
                     facets=facets, xlabel=x_label, ylabel=_value_label(names or ["rows"], agg),
                     legend_title=_legend_title(columns), timezone=_zone(columns))
        if kind == "bar" and series:
            plan_.bar_layout = "group" if x_type == CATEGORICAL else "stack"
        return plan_

    return build


def _sort_by_x(data, x_order):
    if x_order is None:
        return data.sort_values(X, kind="stable")
    position = {label: i for i, label in enumerate(x_order)}
    return data.iloc[np.argsort(data[X].map(position).to_numpy(), kind="stable")]


def _legend_title(columns):
    return str(columns.color) if columns.color is not None else None


def _zone(columns):
    if columns.x is None:
        return None
    tz = getattr(columns.values(columns.x).dtype, "tz", None)
    return str(tz) if tz is not None else None


def _hist(columns, spec):
    names = columns.y or ([columns.x] if columns.x is not None else columns.first_numeric("hist"))
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
        rows.append(part)
    return Plan("hist", pd.concat(rows, ignore_index=True), spec, x_type=NUMERIC, series=series, facets=facets,
                xlabel=str(names[0]) if len(names) == 1 else None, ylabel="count",
                legend_title=_legend_title(columns), edges=edges)


def _bin_edges(values, bins):
    if bins is not None:
        return np.histogram_bin_edges(values, int(bins))
    edges = np.histogram_bin_edges(values, "auto")
    return edges if len(edges) <= MAX_AUTO_BINS + 1 else np.histogram_bin_edges(values, MAX_AUTO_BINS)


def _box(columns, spec):
    names = columns.y or columns.first_numeric("box")
    columns.require_numeric(names, "box")
    x_values, x_order, x_label = None, None, None
    if columns.x is not None:
        x_values, x_order = _split(columns, "--x", columns.x, MAX_GROUPS)
        x_label = str(columns.x)
    data, series, facets = _long_form(columns, x_values, names)
    data = data[data[Y].notna()]
    return Plan("box", data.reset_index(drop=True), spec, x_type=CATEGORICAL if x_order else None,
                x_order=x_order, series=series, facets=facets, xlabel=x_label,
                ylabel=str(names[0]) if len(names) == 1 else None, legend_title=_legend_title(columns))


def _heatmap(columns, spec):
    if columns.x is None or len(columns.y) != 1:
        raise UsageError("a heatmap needs one --x and one --y column (and optionally a --color value)")
    value = columns.color
    if value is not None:
        columns.require_numeric([value], "heatmap", "--color")
    agg = spec.agg or ("mean" if value is not None else "count")
    if value is None and agg != "count":
        raise UsageError("--agg %s needs a value to aggregate: name its column with --color" % agg)
    x_labels, x_order = _cells(columns.values(columns.x), spec.bins)
    y_labels, y_order = _cells(columns.values(columns.y[0]), spec.bins)
    facet, facets = _split(columns, "--facet", columns.facet)
    data = pd.DataFrame({X: x_labels, Y: y_labels})
    data[VALUE] = columns.values(value) if value is not None else 1.0
    if facet is not None:
        data[FACET] = facet
    keys = [X, Y] + ([FACET] if facet is not None else [])
    grouped = data.groupby(keys, sort=False, observed=True)
    cells = (grouped.size() if agg == "count" else grouped[VALUE].agg(agg)).rename(VALUE).reset_index()
    return Plan("heatmap", cells, spec, x_type=CATEGORICAL, x_order=x_order, y_order=y_order, facets=facets,
                xlabel=str(columns.x), ylabel=str(columns.y[0]),
                value_label="count" if agg == "count" else "%s of %s" % (agg, value))


def _cells(values, bins):
    """Heatmap axis labels: categories as they are; many numbers or times binned into intervals."""
    kind = column_type(values)
    if kind == CATEGORICAL or values.nunique() <= HEATMAP_CELLS:
        return _labels(values)
    count = int(bins or DEFAULT_HEATMAP_BINS)
    if kind == NUMERIC:
        binned = pd.cut(values, _round_edges(values.min(), values.max(), count), right=False)
    else:
        binned = pd.cut(values, count)
    labels = {interval: _interval_label(interval, kind) for interval in binned.cat.categories}
    text = binned.map(labels).astype(object).fillna(NULL_LABEL)
    order = [labels[i] for i in binned.cat.categories] + ([NULL_LABEL] if text.eq(NULL_LABEL).any() else [])
    return text, order


def _round_edges(low, high, count):
    """About ``count`` intervals of a round width (1, 2, 2.5 or 5 times a power of ten) covering [low, high]."""
    raw = (float(high) - float(low)) / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(float(low) / step) * step
    return start + step * np.arange(math.floor((float(high) - start) / step) + 2)


def _interval_label(interval, kind):
    if kind == TEMPORAL:
        return "%s to %s" % (interval.left.strftime("%Y-%m-%d %H:%M"), interval.right.strftime("%Y-%m-%d %H:%M"))
    return "%s to %s" % (_round_number(interval.left), _round_number(interval.right))


def _round_number(value):
    return format(round(float(value), 10), "g")


def _check_scales(result, spec):
    if result.kind == "heatmap" and (spec.log_x or spec.log_y):
        raise UsageError("--log-x and --log-y do not apply to a heatmap")
    if spec.log_x and result.x_type != NUMERIC:
        raise UsageError("--log-x needs a numeric x axis, but this one is %s" % (result.x_type or "absent"))


_BUILDERS = {
    "line": _xy_chart("line"),
    "scatter": _xy_chart("scatter"),
    "bar": _xy_chart("bar"),
    "area": _xy_chart("area"),
    "hist": _hist,
    "box": _box,
    "heatmap": _heatmap,
}
