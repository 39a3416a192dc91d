"""The labels of a chart, one implementation for the full rows and for a reduced statistic.

Every categorical axis, series and panel is drawn from plain strings, in an order charton chooses
once for all renderers; binned heatmap axes are labelled by their intervals; axis titles and the
legend follow the user's column names. grammar.py (every row) and reduced.py (Java's statistic)
both label through these functions, so the same data gets the same labels either way.
"""
import pandas as pd

from .errors import UsageError

TEMPORAL, NUMERIC, CATEGORICAL = "temporal", "numeric", "categorical"
NULL_LABEL = "null"


def column_type(values):
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return TEMPORAL
    if pd.api.types.is_bool_dtype(values.dtype):
        return CATEGORICAL
    if pd.api.types.is_numeric_dtype(values.dtype):
        return NUMERIC
    return CATEGORICAL


def labels(values):
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
    return text, unique_in_order(order)


def _format(values):
    if column_type(values) == TEMPORAL:
        valid = values.dropna()
        midnight = valid.empty or bool((valid.dt.normalize() == valid).all())
        text = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M")
    else:
        text = values.astype(object).map(str, na_action="ignore")
    return text.fillna(NULL_LABEL).astype(object)


def unique_in_order(items):
    return list(dict.fromkeys(items))


def interval_labels(edges, temporal=False, zone=None):
    """Labels of the intervals between consecutive ``edges`` (numbers, or for a temporal axis epoch
    nanoseconds, shown in ``zone``)."""
    if temporal:
        times = pd.to_datetime(pd.Series(edges).astype("int64"), unit="ns", utc=True)
        times = times.dt.tz_convert(zone) if zone else times.dt.tz_localize(None)
        text = list(times.dt.strftime("%Y-%m-%d %H:%M"))
    else:
        text = [_round_number(edge) for edge in edges]
    return ["%s to %s" % pair for pair in zip(text[:-1], text[1:])]


def _round_number(value):
    return format(round(float(value), 10), "g")


def binned(index, edge_labels):
    """Labels of a binned axis from each row's bin index (null: no bin), and their order."""
    text = pd.Series(index).map(dict(enumerate(edge_labels))).astype(object).fillna(NULL_LABEL)
    return text, list(edge_labels) + ([NULL_LABEL] if text.eq(NULL_LABEL).any() else [])


def series_names(value_names, color_order):
    """The legend order: one series per --color value, per --y column when there are several, or both."""
    several = len(value_names) > 1
    if color_order is not None:
        return unique_in_order(["%s, %s" % (n, c) for n in value_names for c in color_order] if several
                               else color_order)
    return unique_in_order(str(n) for n in value_names) if several else []


def series_column(value_name, color, several):
    """Each row's series: its --color label, its --y column's name (a str or a Series), or both."""
    if color is None:
        return value_name
    return value_name + ", " + color if several else color


def x_label(name, values):
    """The x axis title: the column's name, with the zone of a tz-aware time column; the row number
    when there is no --x."""
    if name is None:
        return "row"
    tz = zone(values)
    return str(name) + (" (%s)" % tz if tz is not None else "")


def zone(values):
    tz = getattr(values.dtype, "tz", None)
    return str(tz) if tz is not None else None


def value_label(names, agg):
    if agg == "count":
        return "count"
    single = str(names[0]) if len(names) == 1 else None
    if agg:
        return "%s of %s" % (agg, single) if single else agg
    return single


def heatmap_value_label(agg, value):
    return "count" if agg == "count" else "%s of %s" % (agg, value)


def legend_title(spec):
    return str(spec.color) if spec.color is not None else None


def split(values, option, name, limit):
    """(labels, order) of a --color, --facet or box --x column; UsageError past ``limit`` values."""
    text, order = labels(values)
    if len(order) > limit:
        raise UsageError("%s '%s' has %d distinct values; one %s per value needs at most %d"
                         % (option, name, len(order), "panel" if option == "--facet" else "series", limit))
    return text, order
