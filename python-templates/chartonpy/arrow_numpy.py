"""pyarrow arrays as numpy arrays, read from their buffers.

pyarrow's own to_numpy() imports pandas on first use, which costs a matplotlib render of a reduced
plan more than the render itself; the few types a statistic's columns have are read here instead.
Nulls become NaN (numbers, integers then as floats), NaT (times) or None (anything else). Times of
day become datetime64 on 1970-01-01, their unit since midnight (chartonpy.clock).
"""
import numpy as np
import pyarrow as pa

_FLOATS = {"halffloat": "float16", "float": "float32", "double": "float64"}
_DATES = {"date32[day]": ("int32", "datetime64[D]"), "date64[ms]": ("int64", "datetime64[ms]")}


def to_numpy(values):
    """A pyarrow Array or ChunkedArray as a numpy array."""
    array = _one_array(values)
    if pa.types.is_dictionary(array.type):
        indices = to_numpy(array.indices)
        labels = np.empty(len(array.dictionary) + 1, dtype=object)
        labels[:-1] = array.dictionary.to_pylist()
        return labels[np.where(np.isnan(indices), -1, indices).astype(np.int64) if indices.dtype.kind == "f"
                      else indices]
    storage, time_unit = _layout(array.type)
    if storage is None:
        objects = np.empty(len(array), dtype=object)
        objects[:] = array.to_pylist()
        return objects
    data = np.frombuffer(array.buffers()[1], dtype=storage, count=array.offset + len(array))[array.offset:]
    if time_unit is not None:
        data = data.astype(time_unit)
    if not array.null_count:
        return data
    filled = data.astype(float) if data.dtype.kind in "iu" else data.copy()
    filled[~_validity(array)] = np.datetime64("NaT") if time_unit is not None else np.nan
    return filled


def _one_array(values):
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    return values


def _layout(kind):
    """(numpy dtype of the values buffer, datetime64 unit of a time or None); (None, None) for types
    without one fixed-width buffer. int8 ... uint64 are named alike in both libraries."""
    if pa.types.is_integer(kind):
        return str(kind), None
    if pa.types.is_floating(kind):
        return _FLOATS[str(kind)], None
    if pa.types.is_timestamp(kind):
        return "int64", "datetime64[%s]" % kind.unit
    if pa.types.is_time(kind):  # a time of day: its unit since midnight, drawn on the epoch's day (chartonpy.clock)
        return "int%d" % kind.bit_width, "datetime64[%s]" % kind.unit
    return _DATES.get(str(kind), (None, None))


def _validity(array):
    bits = np.unpackbits(np.frombuffer(array.buffers()[0], dtype=np.uint8), bitorder="little")
    return bits[array.offset:array.offset + len(array)].astype(bool)
