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

    def __init__(self, frame=None, arrow=None, *, reader=None, polars=None, to_frame=None):
        self.reader = reader or ("pyarrow" if arrow is not None else "polars" if polars is not None else "pandas")
        self.arrow = arrow
        self.polars = polars
        self._frame = frame
        self._to_frame = to_frame

    @property
    def frame(self):
        if self._frame is None:
            try:
                self._frame = self._to_frame()
            except (DataError, KeyboardInterrupt, SystemExit):
                raise
            except BaseException as e:  # polars' Rust panics are BaseExceptions
                raise DataError("the data could not be turned into a pandas DataFrame (%s reader; %s: %s)"
                                % (self.reader, type(e).__name__, e)) from e
            self._to_frame = None
        return self._frame

    def fresh(self):
        """Another view of the same data with a pandas frame of its own, built on first use, so what
        one request does to its ``frame`` never reaches another (Arrow and polars data is immutable
        and shared)."""
        if self._to_frame is not None:
            return Table(arrow=self.arrow, reader=self.reader, polars=self.polars, to_frame=self._to_frame)
        frame = self._frame
        return Table(arrow=self.arrow, reader=self.reader, polars=self.polars, to_frame=lambda: frame.copy(deep=True))

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
    except (DataError, UnavailableError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # polars' Rust panics are BaseExceptions
        raise DataError("the data charton sent could not be read by the %s Arrow reader (%s: %s)"
                        % (reader, type(e).__name__, e)) from e


def _read_pyarrow(stream):
    import pyarrow as pa

    batches = pa.ipc.open_stream(pa.PythonFile(_PoolReads(stream, pa), mode="r"))
    # Empty batches carry nothing, and pyarrow's to_pandas can crash on a list column of a 0-row
    # batch whose offsets buffer is empty (as Arrow Java writes it): leave them out.
    arrow = pa.Table.from_batches([b for b in batches if b.num_rows], batches.schema)
    from .arrow_pandas import to_pandas

    return Table(arrow=arrow, reader="pyarrow", to_frame=lambda: to_pandas(arrow))


class _PoolReads:
    """A file whose large reads land in buffers of pyarrow's memory pool, straight from the pipe.

    pyarrow keeps such a buffer as the column data (no copy), and its pool keeps freed memory for
    the next request, where a fresh bytes object per message body would cost a page fault per
    4 KiB on every request: the warm worker reads large streams several times faster this way.
    """

    closed = False
    _SMALL = 1 << 16

    def __init__(self, stream, pa):
        self._stream = stream
        self._pa = pa

    def readable(self):
        return True

    def read(self, size=-1):
        if size is None or size < self._SMALL:
            return self._stream.read(size)
        buffer = self._pa.allocate_buffer(size)
        view = memoryview(buffer)
        filled = 0
        while filled < size:
            n = self._stream.readinto(view[filled:])
            if not n:
                break
            filled += n
        return buffer if filled == size else buffer.slice(0, filled)


def _read_polars(stream):
    import io

    import polars as pl

    from .ipc_framing import read_stream_bytes

    frame = pl.read_ipc_stream(io.BytesIO(read_stream_bytes(stream)))
    from .polars_pandas import to_pandas

    return Table(polars=frame, reader="polars", to_frame=lambda: to_pandas(frame))


def _read_builtin(stream):
    from .arrow_builtin import read_stream

    return Table(read_stream(stream), reader="builtin")


_READ = {"pyarrow": _read_pyarrow, "polars": _read_polars, "builtin": _read_builtin}
