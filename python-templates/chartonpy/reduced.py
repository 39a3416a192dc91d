"""The Plan of a reduced request: built straight from the statistic Java computed (docs/plan.md,
"On the wire"), with no group-by over rows and without pandas. Labels and orders come from
chartonpy.labels, as for every row, so the chart is the same whichever path made its Plan.
"""
import numpy as np

from . import boxstats, clock, plans
from .arrow_numpy import to_numpy
from .bin_labels import calendar_labels, interval_labels
from .errors import ChartonError
from .labels import CATEGORICAL, binned, column_type, labels, series_column, series_names, split, \
    x_label, zone
from .plans import END, FACET, MAX_GROUPS, MAX_SPLITS, SERIES, START, VALUE, X, Y
from .rows import Rows

STATS = {"points": ("line", "area", "scatter"), "aggregate": ("bar", "line", "area", "scatter"), "bins": ("hist",),
         "cells": ("heatmap",), "box": ("box",)}


def plan(arrow, spec):
    """The Plan drawing ``arrow`` (a pyarrow Table holding the statistic ``spec.reduced`` describes)."""
    plans.check_options(spec)
    stat = spec.reduced.get("stat")
    if spec.kind not in STATS.get(stat, ()):
        raise ChartonError("charton sent a '%s' statistic for a %s chart (docs/plan.md)" % (stat, spec.kind))
    return plans.finish(_BUILDERS[stat](arrow, spec), spec)


def _key(arrow, name):
    """A key column as pandas would hold it: integers with a null become floats (so 3 reads "3.0"
    from the statistic as from the rows)."""
    import pyarrow as pa

    column = arrow.column(name)
    if pa.types.is_integer(column.type) and column.null_count:
        column = column.cast(pa.float64())
    return column


def _values(arrow, name, dtype=float):
    return to_numpy(arrow.column(name)).astype(dtype)


class _Keys:
    """The key columns of a statistic, labelled: series (from `column` and `color`) and panels."""

    def __init__(self, arrow, spec, value_names):
        names = arrow.column_names
        color, color_order = split(_key(arrow, "color"), "--color", spec.color, MAX_SPLITS) \
            if "color" in names else (None, None)
        facet, self.facets = split(_key(arrow, "facet"), "--facet", spec.facet, MAX_SPLITS) \
            if "facet" in names else (None, [])
        several = len(value_names) > 1
        self.series = series_names(value_names, color_order)
        self.columns = {}
        if color is not None or several:
            name = _values(arrow, "column", object) if several else str(value_names[0] if value_names else None)
            self.columns[SERIES] = series_column(name, color, several)
        if facet is not None:
            self.columns[FACET] = facet

    def rows(self, **columns):
        return Rows({**columns, **self.columns})


def _x(arrow):
    """(x values to draw, x type, category order): labels for a categorical x, else numbers or times."""
    column = _key(arrow, X)
    kind = column_type(column)
    if kind == CATEGORICAL:
        text, order = labels(column)
        return text, kind, order
    return to_numpy(column), kind, None


def _xy(arrow, spec):
    x_values, x_type, x_order = _x(arrow)
    names = list(spec.y)
    keys = _Keys(arrow, spec, names)
    rows_read = int(spec.reduced.get("rows_read") or arrow.num_rows)
    column = arrow.column(X)
    return plans.xy_plan(spec.kind, keys.rows(**{X: x_values, Y: _values(arrow, Y)}), spec, x_type, x_order,
                         keys.series, keys.facets, names, spec.reduced.get("agg"), x_label(spec.x, column),
                         zone(column), rows_read * max(1, len(names)), clock.is_time_of_day(column))


def _hist(arrow, spec):
    names = plans.hist_names(spec)
    keys = _Keys(arrow, spec, names)
    rows = keys.rows(**{START: _values(arrow, START), END: _values(arrow, END), Y: _values(arrow, Y, np.int64)})
    return plans.hist_plan(rows, spec, keys.series, keys.facets, names, spec.reduced["edges"])


def _cells(arrow, spec):
    agg = plans.heatmap_agg(spec)
    x_text, x_order = _axis(arrow, X, spec.reduced)
    y_text, y_order = _axis(arrow, Y, spec.reduced)
    keys = _Keys(arrow, spec, [])
    cells = keys.rows(**{X: x_text, Y: y_text, VALUE: _values(arrow, VALUE)})
    return plans.heatmap_plan(cells, spec, x_order, y_order, keys.facets, agg)


def _axis(arrow, axis, reduced):
    edges = reduced.get(axis + "_edges")
    if edges is None:
        return labels(_key(arrow, axis))
    calendar = reduced.get(axis + "_calendar")
    edge_labels = calendar_labels(edges, calendar) if calendar else interval_labels(np.asarray(edges))
    return binned(_values(arrow, axis), edge_labels)


def _box(arrow, spec):
    names = list(spec.y)
    x_order = None
    columns = {}
    if X in arrow.column_names:
        columns[X], x_order = split(_key(arrow, X), "--x", spec.x, MAX_GROUPS)
    keys = _Keys(arrow, spec, names)
    for stat in boxstats.STATS:
        if stat != "fliers":
            columns[stat] = _values(arrow, stat, np.int64 if stat == "n" else float)
    columns["fliers"] = [np.asarray(f if f is not None else [], dtype=float)
                         for f in arrow.column("fliers").to_pylist()]
    return plans.box_plan(keys.rows(**columns), spec, x_order, keys.series, keys.facets, names)


_BUILDERS = {"points": _xy, "aggregate": _xy, "bins": _hist, "cells": _cells, "box": _box}
