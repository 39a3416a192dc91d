"""Rebuilds the request's table from the Arrow IPC stream that follows it on the pipe, with pyarrow,
which the worker requires. The reader consumes exactly one stream, through its end-of-stream marker,
so the next request can follow on the same pipe.
"""
from . import packages
from .errors import DataError, UnavailableError

READER = "pyarrow"


def reader_status():
    """(reader name or None, why): what charton doctor and the worker's greeting report."""
    if packages.missing([READER]):
        return None, _missing_message()
    return READER, "a requirement of the worker"


def _missing_message():
    return "the worker reads charton's data with pyarrow, which is not installed; install it with: %s" \
        % packages.install_hint([READER])


class Table:
    """The request's data: ``arrow``, the pyarrow Table, and ``frame``, a pandas DataFrame of it
    built on first use (so a renderer that draws from Arrow never imports pandas)."""

    reader = READER  # what read the stream, for plugins that report it

    def __init__(self, arrow, frame=None):
        self.arrow = arrow
        self._frame = frame

    @property
    def frame(self):
        if self._frame is None:
            from .arrow_pandas import to_pandas

            self._frame = to_pandas(self.arrow)
        return self._frame

    def fresh(self):
        """Another view of the same data with a pandas frame of its own, built on first use, so what
        one request does to its ``frame`` never reaches another (Arrow data is immutable and shared)."""
        return Table(self.arrow)

    @property
    def num_rows(self):
        return self.arrow.num_rows


def read_table(stream):
    """Reads one stream; a missing pyarrow is an UnavailableError, any other failure a DataError."""
    try:
        import pyarrow as pa
    except ImportError as e:
        raise UnavailableError(_missing_message()) from e
    try:
        batches = pa.ipc.open_stream(pa.PythonFile(_PoolReads(stream, pa), mode="r"))
        # Empty batches carry nothing, and pyarrow's to_pandas can crash on a list column of a 0-row
        # batch whose offsets buffer is empty (as Arrow Java writes it): leave them out.
        return Table(pa.Table.from_batches([b for b in batches if b.num_rows], batches.schema))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:
        raise DataError("the data charton sent could not be read as an Arrow stream (%s: %s)"
                        % (type(e).__name__, e)) from e


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
