"""Rebuilds the request's table from the Arrow IPC stream that follows it on the pipe.

Readers, in order of preference: pyarrow (fastest, zero copy where pandas allows), polars, then
charton's own numpy-only reader. CHARTON_ARROW_READER=builtin|pyarrow|polars forces one. Every
reader consumes exactly one stream, through its end-of-stream marker, so the next request can
follow on the same pipe.
"""
import importlib.util
import os

from .errors import DataError, UnavailableError

READERS = ("pyarrow", "polars", "builtin")
ENV_VARIABLE = "CHARTON_ARROW_READER"


def choose_reader(env=None):
    """(reader name, why it was chosen)."""
    env = os.environ if env is None else env
    forced = env.get(ENV_VARIABLE, "").strip().lower()
    if forced:
        if forced not in READERS:
            raise UnavailableError("%s=%s: expected one of %s" % (ENV_VARIABLE, forced, ", ".join(READERS)))
        if forced != "builtin" and not _importable(forced):
            raise UnavailableError("%s=%s, but %s is not installed here" % (ENV_VARIABLE, forced, forced))
        return forced, "forced by %s" % ENV_VARIABLE
    for name in ("pyarrow", "polars"):
        if _importable(name):
            return name, "the first importable of pyarrow, polars, builtin"
    return "builtin", "neither pyarrow nor polars is importable"


def _importable(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules, or a broken one
        return False


class Table:
    """The request's data. ``frame`` (a pandas DataFrame) is built on first use; ``arrow`` is the
    pyarrow Table when pyarrow read the stream, and ``polars`` the polars DataFrame when polars did."""

    def __init__(self, reader, frame=None, arrow=None, polars=None, to_frame=None):
        self.reader = reader
        self.arrow = arrow
        self.polars = polars
        self._frame = frame
        self._to_frame = to_frame

    @property
    def frame(self):
        if self._frame is None:
            self._frame = self._to_frame()
            self._to_frame = None
        return self._frame

    @property
    def num_rows(self):
        if self.arrow is not None:
            return self.arrow.num_rows
        if self.polars is not None:
            return self.polars.height
        return len(self.frame)


def read_table(stream, reader):
    """Reads one stream with ``reader``; any failure becomes a DataError naming the reader."""
    try:
        return _READ[reader](stream)
    except (DataError, UnavailableError):
        raise
    except Exception as e:
        raise DataError("the data charton sent could not be read by the %s Arrow reader (%s: %s)"
                        % (reader, type(e).__name__, e)) from e


def _read_pyarrow(stream):
    import pyarrow as pa

    arrow = pa.ipc.open_stream(stream).read_all()
    return Table("pyarrow", arrow=arrow, to_frame=lambda: arrow_to_pandas(arrow))


def arrow_to_pandas(arrow):
    # Numeric columns without nulls can share pyarrow's memory, which is read-only: safe only when
    # pandas copies before writing (copy-on-write, the default from pandas 3).
    return arrow.to_pandas(date_as_object=False, split_blocks=_copy_on_write())


def _copy_on_write():
    import pandas as pd

    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    try:
        return pd.get_option("mode.copy_on_write") is True
    except (KeyError, ValueError):
        return False


def _read_polars(stream):
    import io

    import polars as pl

    from .ipc_framing import read_stream_bytes

    frame = pl.read_ipc_stream(io.BytesIO(read_stream_bytes(stream)))
    from .polars_pandas import to_pandas

    return Table("polars", polars=frame, to_frame=lambda: to_pandas(frame))


def _read_builtin(stream):
    from .arrow_builtin import read_stream

    return Table("builtin", frame=read_stream(stream))


_READ = {"pyarrow": _read_pyarrow, "polars": _read_polars, "builtin": _read_builtin}
