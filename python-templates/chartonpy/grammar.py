"""charton's chart grammar, independent of any plotting library, from every row of a DataFrame.

``plan(frame, spec)`` checks the spec against the data (its kind is the one charton's Java side
decided, docs/plan.md), splits series and facets, aggregates, bins and computes box statistics, and
returns a :class:`Plan` (chartonpy.plans): long-form data under fixed column names that a renderer
only has to draw. Every renderer draws the same plan, so the same options mean the same chart
whichever library draws it. chartonpy.reduced builds the same Plan from the statistic Java computed
instead of every row.
"""
import datetime
import decimal
import math

import numpy as np
import pandas as pd

from . import boxstats, calendar_bins, clock
from .bin_labels import interval_labels
from .columns import require
from .errors import DataError, UsageError
from .labels import binned, column_type, labels, series_column, series_names, split, x_label, zone
from .plans import (AGGREGATIONS, CATEGORICAL, DEFAULT_HEATMAP_BINS, END, FACET, HEATMAP_CELLS,  # noqa: F401
                    KINDS, MAX_AUTO_BINS, MAX_GROUPS, MAX_SPLITS, NUMERIC, SERIES, START, TEMPORAL, VALUE, X, Y, Plan,
                    box_plan, check_options, drawable, finish, heatmap_agg, heatmap_plan, hist_names, hist_plan,
                    marker_size, wall_clock, xy_plan)
from .rows import Rows


def plan(frame, spec):
    """The Plan for drawing ``frame`` as ``spec`` asks; UsageError or DataError when it cannot.

    When charton sent a statistic (``spec.reduced``, for a plugin that declares ``REDUCED = True``),
    ``frame`` is that statistic and the Plan is built from it, as for charton's own renderers.
    """
    if spec.reduced is not None:
        import pyarrow as pa

        from . import reduced

        return reduced.plan(pa.Table.from_pandas(frame, preserve_index=False), spec)
    check_options(spec)
    columns = _Columns(frame, spec)
    result = _BUILDERS[spec.kind](columns, spec)
    return finish(result, spec)


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
            elif isinstance(first, datetime.time):
                values = clock.from_objects(values)
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


def _rows(frame):
    """A DataFrame's columns as Plan rows; tz-aware times in UTC (the Plan keeps their zone)."""
    columns = {}
    for name in frame.columns:
        values = frame[name]
        if getattr(values.dtype, "tz", None) is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        columns[name] = values.to_numpy()
    return Rows(columns)


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
        time_of_day = clock.is_time_of_day(x_values)
        if time_of_day:
            x_values = clock.as_datetime64(x_values)
        counting = kind == "bar" and not columns.y and (spec.agg in (None, "count"))
        names = [] if counting else columns.value_names(kind)
        x_order = None
        if x_type == CATEGORICAL:
            x_values, x_order = labels(x_values)
        data, series, facets = _long_form(columns, x_values, names)
        data = data[drawable(data[X].isna().to_numpy(), data[Y].isna().to_numpy(), kind)]
        agg = "count" if counting else spec.agg
        if agg is None and kind in ("bar", "area") and data.duplicated(_keys(data, X)).any():
            agg = "sum"  # bars and stacked areas of repeated x values add up, as in every library
        if agg is not None:
            data = _aggregate(data, agg, _keys(data, X))
        return xy_plan(kind, _rows(data), spec, x_type, x_order, series, facets, names, agg,
                       x_label(columns.x, x_values), zone(x_values), len(data), time_of_day)

    return build


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
        rows.append(part)
    return hist_plan(_rows(pd.concat(rows, ignore_index=True)), spec, series, facets, names, edges)


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
    return box_plan(_rows(pd.DataFrame(boxes, columns=stats_columns)), spec, x_order, series, facets, names)


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
    return heatmap_plan(_rows(cells), spec, x_order, y_order, facets or [], agg)


def _cells(values, bins):
    """Heatmap axis labels: categories as they are; many numbers or times binned into intervals."""
    kind = column_type(values)
    if kind == CATEGORICAL or values.nunique() <= HEATMAP_CELLS:
        return labels(values)
    if kind == NUMERIC:
        edges = _round_edges(values.min(), values.max(), int(bins or DEFAULT_HEATMAP_BINS))
        index = pd.cut(values, edges, right=False, labels=False)
        return binned(np.asarray(index, dtype=float), interval_labels(edges))
    if clock.is_time_of_day(values):
        return binned(*calendar_bins.cut(clock.as_datetime64(values), int(bins or HEATMAP_CELLS), time_of_day=True))
    return binned(*calendar_bins.cut(values, int(bins or HEATMAP_CELLS)))


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
