"""Times of day (Arrow time32 and time64): a continuous axis from 00:00 to 24:00.

A Plan holds a time of day as a datetime64 on the epoch's day (1970-01-01, UTC): a count of the
column's unit since midnight, as Arrow stores it, so every renderer's time axis spaces the values
by time. Labels are clock times, never that date: ``HH:MM``, with seconds or a fraction of a second
only when some value has them, and the next midnight as ``24:00``.
"""
import datetime

import numpy as np

NANOS_PER_DAY = 86_400 * 10 ** 9


def is_time_of_day(values):
    """Whether ``values`` (a pyarrow array, or a pandas Series) are times of day."""
    import pyarrow as pa

    kind = getattr(values, "type", None)
    if kind is None:
        kind = getattr(getattr(values, "dtype", None), "pyarrow_dtype", None)
    return kind is not None and pa.types.is_time(kind)


def from_objects(values):
    """A pandas Series of datetime.time objects (and nulls) as one holding Arrow's time64[us]."""
    import pandas as pd
    import pyarrow as pa

    times = [v if isinstance(v, datetime.time) else None for v in values]
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.array(times, pa.time64("us"))), index=values.index)


def as_datetime64(values):
    """Times of day (a Series from ``from_objects``) as a datetime64 Series on 1970-01-01 (NaT for null)."""
    import pandas as pd
    import pyarrow as pa

    from .arrow_numpy import to_numpy

    return pd.Series(to_numpy(pa.array(values.array)), index=values.index)


def pattern(nanos):
    """(strftime pattern, digits of a second's fraction) that write every time of ``nanos``
    (nanoseconds since midnight) exactly: minutes, else seconds, else 3, 6 or 9 fraction digits."""
    nanos = np.asarray(nanos, dtype=np.int64)
    if not (nanos % (60 * 10 ** 9)).any():
        return "%H:%M", 0
    if not (nanos % 10 ** 9).any():
        return "%H:%M:%S", 0
    digits = next(d for d in (3, 6, 9) if not (nanos % 10 ** (9 - d)).any())
    return "%H:%M:%S", digits


def text(nanos, layout):
    """The clock time ``nanos`` nanoseconds after midnight in ``layout`` (from ``pattern``); 24:00 at
    the next midnight."""
    label = clock_of(int(nanos), *layout)
    return "24" + label[2:] if int(nanos) == NANOS_PER_DAY else label


def clock_of(nanos, form, digits):
    """The clock time of ``nanos`` nanoseconds since the epoch (UTC) in the strftime ``form``, with
    ``digits`` digits of the second's fraction."""
    whole = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=nanos // 10 ** 9)
    label = whole.strftime(form)
    if digits:
        label += ".%0*d" % (digits, nanos % 10 ** 9 // 10 ** (9 - digits))
    return label


def labels(values):
    """{value: label} of datetime.time objects, all in the pattern that writes each exactly."""
    nanos = [_nanos(v) for v in values]
    layout = pattern(nanos)
    return {v: text(n, layout) for v, n in zip(values, nanos)}


def _nanos(value):
    return ((value.hour * 60 + value.minute) * 60 + value.second) * 10 ** 9 + value.microsecond * 1000
