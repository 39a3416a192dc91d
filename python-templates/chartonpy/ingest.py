"""Rebuilds a pandas DataFrame from the Arrow IPC stream that follows a request.

Readers, in order of preference: pyarrow (fastest, zero copy where pandas allows), polars, then
charton's own numpy-only reader. CHARTON_ARROW_READER=builtin|pyarrow|polars forces one. Every
reader consumes exactly one stream, up to its end-of-stream marker, so the next request can follow
on the same pipe.
"""
import importlib.util
import os

from .errors import DataError, UnavailableError

READERS = ("pyarrow", "polars", "builtin")


def choose_reader(env=os.environ):
    forced = env.get("CHARTON_ARROW_READER", "").strip().lower()
    if forced:
        if forced not in READERS:
            raise UnavailableError("CHARTON_ARROW_READER=%s: expected one of %s" % (forced, ", ".join(READERS)))
        if forced != "builtin" and importlib.util.find_spec(forced) is None:
            raise UnavailableError("CHARTON_ARROW_READER=%s, but %s is not installed" % (forced, forced))
        return forced
    for name in ("pyarrow", "polars"):
        if importlib.util.find_spec(name) is not None:
            return name
    return "builtin"


class Table:
    """The request's data: a pandas DataFrame, plus the pyarrow Table when pyarrow read it."""

    def __init__(self, frame, arrow=None):
        self.frame = frame
        self.arrow = arrow


def read_table(stream, reader):
    try:
        return _READ[reader](stream)
    except (DataError, UnavailableError):
        raise
    except Exception as e:  # any reader failure means the stream itself is bad
        raise DataError("the Arrow stream from charton could not be read (%s: %s)" % (type(e).__name__, e)) from e


def _read_pyarrow(stream):
    import pyarrow as pa

    arrow = pa.ipc.open_stream(pa.PythonFile(stream, mode="r")).read_all()
    return Table(arrow.to_pandas(date_as_object=False), arrow)


def _read_polars(stream):
    import io

    import polars as pl

    from .arrow_builtin import read_stream_bytes

    # polars needs the stream's bytes up front; cut exactly one stream out of the pipe first.
    frame = pl.read_ipc_stream(io.BytesIO(read_stream_bytes(stream)))
    return Table(frame.to_pandas())


def _read_builtin(stream):
    from .arrow_builtin import read_stream

    return Table(read_stream(stream))


_READ = {"pyarrow": _read_pyarrow, "polars": _read_polars, "builtin": _read_builtin}
