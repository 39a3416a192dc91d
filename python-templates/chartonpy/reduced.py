"""The Plan of a reduced request: built straight from the statistic Java computed (docs/plan.md,
"On the wire"), with no group-by over rows. Labels and orders come from chartonpy.labels, as for
every row, so the chart is the same whichever path made its Plan.
"""
import numpy as np

from . import boxstats, grammar
from .errors import ChartonError
from .grammar import END, FACET, MAX_GROUPS, MAX_SPLITS, SERIES, START, VALUE, X, Y
from .labels import CATEGORICAL, binned, column_type, interval_labels, labels, series_column, series_names, split, \
    x_label, zone

STATS = {"points": ("line", "area", "scatter"), "aggregate": ("bar", "line", "area", "scatter"), "bins": ("hist",),
         "cells": ("heatmap",), "box": ("box",)}


def plan(arrow, spec):
    """The Plan drawing ``arrow`` (a pyarrow Table holding the statistic ``spec.reduced`` describes)."""
    grammar.check_options(spec)
    stat = spec.reduced.get("stat")
    if spec.kind not in STATS.get(stat, ()):
        raise ChartonError("charton sent a '%s' statistic for a %s chart (docs/plan.md)" % (stat, spec.kind))
    from .arrow_pandas import to_pandas

    frame = to_pandas(arrow)
    return grammar.finish(_BUILDERS[stat](frame, spec), spec)


class _Keys:
    """The key columns of a statistic, labelled: series (from `column` and `color`) and panels."""

    def __init__(self, frame, spec, value_names):
        self.frame = frame
        color, color_order = _split(frame, "color", "--color", spec.color)
        facet, self.facets = _split(frame, "facet", "--facet", spec.facet)
        several = len(value_names) > 1
        self.series = series_names(value_names, color_order)
        self.columns = {}
        if color is not None or several:
            name = frame["column"].astype(object).map(str) if several else str(value_names[0] if value_names else None)
            self.columns[SERIES] = series_column(name, color, several)
        if facet is not None:
            self.columns[FACET] = facet

    def data(self, **columns):
        import pandas as pd

        return pd.DataFrame({**columns, **self.columns}).reset_index(drop=True)


def _split(frame, column, option, name):
    if column not in frame.columns:
        return None, [] if column == "facet" else None
    text, order = split(frame[column], option, name, MAX_SPLITS)
    return text.reset_index(drop=True), order


def _xy(frame, spec):
    x_values = frame[X]
    x_type = column_type(x_values)
    x_order = None
    names = list(spec.y)
    if x_type == CATEGORICAL:
        x_values, x_order = labels(x_values)
    keys = _Keys(frame, spec, names)
    agg = spec.reduced.get("agg")
    data = keys.data(**{X: x_values.reset_index(drop=True), Y: frame[Y].astype(float).reset_index(drop=True)})
    rows_read = int(spec.reduced.get("rows_read") or len(frame))
    return grammar.xy_plan(spec.kind, data, spec, x_type, x_order, keys.series, keys.facets, names, agg,
                           x_label(spec.x, frame[X]), zone(frame[X]), rows_read * max(1, len(names)))


def _hist(frame, spec):
    names = grammar.hist_names(spec)
    keys = _Keys(frame, spec, names)
    data = keys.data(**{START: frame[START].astype(float), END: frame[END].astype(float),
                        Y: frame[Y].astype("int64")})
    return grammar.hist_plan(data[data[Y] > 0], spec, keys.series, keys.facets, names, spec.reduced["edges"])


def _cells(frame, spec):
    agg = grammar.heatmap_agg(spec)
    x_text, x_order = _axis(frame, X, spec.reduced)
    y_text, y_order = _axis(frame, Y, spec.reduced)
    keys = _Keys(frame, spec, [])
    cells = keys.data(**{X: x_text, Y: y_text, VALUE: frame[VALUE].astype(float)})
    return grammar.heatmap_plan(cells, spec, x_order, y_order, keys.facets, agg)


def _axis(frame, axis, reduced):
    edges = reduced.get(axis + "_edges")
    if edges is None:
        text, order = labels(frame[axis])
        return text.reset_index(drop=True), order
    edge_labels = interval_labels(np.asarray(edges), temporal=bool(reduced.get(axis + "_temporal")),
                                  zone=reduced.get(axis + "_zone"))
    return binned(frame[axis].to_numpy(dtype=float, na_value=np.nan), edge_labels)


def _box(frame, spec):
    names = list(spec.y)
    x_order = None
    columns = {}
    if X in frame.columns:
        x_text, x_order = split(frame[X], "--x", spec.x, MAX_GROUPS)
        columns[X] = x_text.reset_index(drop=True)
    keys = _Keys(frame, spec, names)
    for stat in boxstats.STATS:
        columns[stat] = frame[stat].reset_index(drop=True)
    columns["fliers"] = [np.asarray(f if f is not None else [], dtype=float) for f in frame["fliers"]]
    return grammar.box_plan(keys.data(**columns), spec, x_order, keys.series, keys.facets, names)


_BUILDERS = {"points": _xy, "aggregate": _xy, "bins": _hist, "cells": _cells, "box": _box}
