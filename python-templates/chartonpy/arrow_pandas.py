"""A pyarrow Table as a pandas DataFrame, for every Arrow type pyarrow can read.

The whole table goes through pyarrow's to_pandas() when it can (numeric columns without nulls then
share Arrow's memory where pandas copies on write). Columns it refuses are converted one by one,
trying in turn: dictionaries decoded to their values (pandas categories cannot hold a null),
run-end encoding decoded, values pandas' types cannot hold exactly (times past midnight,
nanosecond times) as Python objects. A column none of these can convert (intervals) is a DataError
naming it and its type.
"""
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .errors import DataError

_REFUSED = (pa.ArrowException, ValueError, TypeError, KeyError, OverflowError)


def to_pandas(table):
    try:
        return table.to_pandas(date_as_object=False, split_blocks=_copy_on_write())
    except _REFUSED:
        pass
    columns = [_column(name, column) for name, column in zip(table.column_names, table.columns)]
    frame = pd.concat(columns, axis=1) if columns else pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    frame.columns = table.column_names  # by position, so duplicate names survive
    return frame


def _column(name, column):
    for attempt in (_as_is, _decoded, _as_objects):
        try:
            converted = attempt(column)
        except _REFUSED:
            continue
        if converted is not None:
            return converted.rename(name) if isinstance(converted, pd.Series) else pd.Series(converted, name=name)
    raise DataError("column '%s' has Arrow type %s, which pandas cannot hold" % (name, column.type))


def _as_is(column):
    return column.to_pandas(date_as_object=False)


def _decoded(column):
    kind = column.type
    if pa.types.is_dictionary(kind):
        return _column_as_is_or_objects(column.cast(kind.value_type))
    if pa.types.is_run_end_encoded(kind):
        return _column_as_is_or_objects(pc.run_end_decode(column))
    return None


def _column_as_is_or_objects(column):
    try:
        return _as_is(column)
    except _REFUSED:
        return _as_objects(column)


def _as_objects(column):
    return pd.Series(column.to_pylist(), dtype=object)


def _copy_on_write():
    """True when pandas copies before writing, so read-only Arrow memory is safe to share."""
    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    try:
        return pd.get_option("mode.copy_on_write") is True
    except (KeyError, ValueError):
        return False
