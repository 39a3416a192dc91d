"""The labels of a chart, one implementation for the full rows and for a reduced statistic.

Every categorical axis, series and panel is drawn from plain strings, in an order charton chooses
once for all renderers (binned heatmap axes: bin_labels.py); axis titles and the
legend follow the user's column names. grammar.py (every row) and reduced.py (Java's statistic)
both label through these functions, so the same data gets the same labels either way.
"""
import datetime

import numpy as np

from . import clock
from .arrow_numpy import to_numpy
from .errors import UsageError

TEMPORAL, NUMERIC, CATEGORICAL = "temporal", "numeric", "categorical"
NULL_LABEL = "null"


def column_type(values):
    """TEMPORAL, NUMERIC or CATEGORICAL: of a pyarrow array, or of a pandas Series. Times of day are
    TEMPORAL (chartonpy.clock)."""
    import pyarrow as pa

    kind = values.type if isinstance(values, (pa.Array, pa.ChunkedArray)) else _arrow_type(values.dtype)
    if pa.types.is_dictionary(kind):
        return CATEGORICAL
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind) or pa.types.is_time(kind):
        return TEMPORAL
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        return NUMERIC
    return CATEGORICAL


def _arrow_type(dtype):
    import pyarrow as pa

    if getattr(dtype, "pyarrow_dtype", None) is not None:
        return dtype.pyarrow_dtype
    name = str(dtype)
    if name == "category":
        return pa.dictionary(pa.int32(), pa.string())
    if name.startswith("datetime64"):
        return pa.timestamp("ns")
    if name == "bool" or name == "boolean":
        return pa.bool_()
    try:
        return pa.from_numpy_dtype(dtype)
    except (TypeError, NotImplementedError, pa.ArrowException):
        return pa.string()


def labels(values):
    """(each row's label, the labels' order): categories in declared order, else sorted values; a
    null is labelled NULL_LABEL, last. ``values``: a pyarrow array, or a pandas Series."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = _arrow(values)
    declared = pa.types.is_dictionary(array.type)
    encoded = array if declared else pc.dictionary_encode(array)
    dictionary = _python_values(encoded.dictionary)
    indices = to_numpy(encoded.indices)
    valid = ~np.isnan(indices) if indices.dtype.kind == "f" else np.ones(len(indices), dtype=bool)
    indices = np.where(valid, indices, len(dictionary)).astype(np.int64)
    present = np.unique(indices[valid])
    if declared:
        order_values = [dictionary[i] for i in present]
    else:
        order_values = [v for v in dictionary if v is not None]
        try:
            order_values.sort()
        except TypeError:
            order_values.sort(key=str)
    text = _formatter([dictionary[i] for i in present], not declared and column_type(array) == TEMPORAL)
    of_index = np.empty(len(dictionary) + 1, dtype=object)
    of_index[:] = [NULL_LABEL if v is None else text.get(v, NULL_LABEL) for v in dictionary] + [NULL_LABEL]
    order = [text[v] for v in order_values]
    if not valid.all():
        order.append(NULL_LABEL)
    return of_index[indices], unique_in_order(order)


def _arrow(values):
    """One pyarrow Array of ``values`` (a pyarrow array, or a pandas Series converted as pyarrow
    would read the same column back)."""
    import pyarrow as pa

    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if isinstance(values, pa.Array):
        return values
    try:
        array = pa.Array.from_pandas(values)
    except (pa.ArrowException, TypeError, ValueError):  # mixed Python objects: labelled by their text
        return pa.array([None if v is None or v != v else str(v) for v in values], pa.string())
    # A Series backed by pyarrow (strings read from several record batches) comes back chunked.
    return _arrow(array) if isinstance(array, pa.ChunkedArray) else array


def _python_values(array):
    """The array's values as Python objects (None for null); times at microseconds, with their zone."""
    import pyarrow as pa

    if pa.types.is_timestamp(array.type) and array.type.unit == "ns":
        array = array.cast(pa.timestamp("us", array.type.tz), safe=False)
    if pa.types.is_time(array.type) and array.type.unit == "ns":
        array = array.cast(pa.time64("us"), safe=False)
    if pa.types.is_floating(array.type):
        return [None if v != v else v for v in to_numpy(array).tolist()]
    return array.to_pylist()


def _formatter(values, temporal):
    """{value: label}: times as coarsely as they all are (years, months, dates, else to the minute)."""
    values = [v for v in values if v is not None]
    if temporal and values and isinstance(values[0], datetime.time):
        return clock.labels(values)
    if temporal:
        pattern = _time_pattern(values)
        return {v: v.strftime(pattern) for v in values}
    return {v: str(v) for v in values}


# From coarse to fine: the label of a time is the first of these its values all fit.
_TIME_PATTERNS = (("%Y", lambda t: (t.month, t.day) == (1, 1)), ("%b %Y", lambda t: t.day == 1),
                  ("%Y-%m-%d", lambda t: True))


def _time_pattern(values):
    """The coarsest pattern that writes every one of ``values`` (dates or datetimes) exactly."""
    midnight = all(not isinstance(v, datetime.datetime) or v.time() == datetime.time(0) for v in values)
    if not midnight:
        return "%Y-%m-%d %H:%M"
    if len(values) < 2:
        return "%Y-%m-%d"  # one date alone says nothing of the precision it was meant at
    for pattern, fits in _TIME_PATTERNS:
        if all(fits(v) for v in values):
            return pattern
    return "%Y-%m-%d"


def unique_in_order(items):
    return list(dict.fromkeys(items))


def binned(index, edge_labels):
    """Labels of a binned axis from each row's bin index (NaN: no bin), and their order."""
    index = np.asarray(index, dtype=float)
    valid = ~np.isnan(index)
    text = np.full(len(index), NULL_LABEL, dtype=object)
    text[valid] = np.asarray(edge_labels, dtype=object)[index[valid].astype(np.int64)]
    return text, list(edge_labels) + ([NULL_LABEL] if not valid.all() else [])


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
    """The zone of a tz-aware time column (a pyarrow array or a pandas Series), else None."""
    arrow_type = getattr(values, "type", None)
    tz = getattr(arrow_type, "tz", None) if arrow_type is not None else getattr(values.dtype, "tz", None)
    return str(tz) if tz else None


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
