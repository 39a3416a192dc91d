"""What a worker keeps for charton's interactive shell (docs/protocol.md, "Shell sessions").

The dataset: a request that sends its Arrow stream with ``"dataset": KEY`` has the worker keep the
table under that key (one at a time); later requests say ``"data": "dataset"`` and send nothing.
Every request still gets a view of its own (``Table.fresh``): what one plot does to its DataFrame
never reaches the next.

``EXEC`` requests answer with text. Action ``python`` runs the user's code with ``df`` (a pandas
DataFrame of the kept data) and ``table`` (the pyarrow Table) in scope; its output and the
value of a final expression come back, and an exception it raises comes back as ``raised``. The
code runs in one namespace kept for the worker's life: variables persist from block to block, and
``df`` is the session's own copy of the data, bound again when another dataset is loaded. Anything
else the code changes in the interpreter is put back after the request, as after every request
(chartonpy/isolation.py). Action ``head`` shows the first rows of the kept data.
"""
import ast
import builtins
import contextlib
import io
import traceback

from . import ingest
from .errors import DataError, UsageError, describe

MEDIA_TYPE = "text/plain; charset=utf-8"
CODE_NAME = "<py>"  # the file name tracebacks and error lines give the user's code
OUTPUT_LIMIT = 4 << 20  # characters of output kept from one block

_kept = {"key": None, "table": None}
_namespace = {}
_namespace_key = [None]


def table_for(requests, header):
    """The request's table: read from the stream (kept when the request names a dataset), taken from
    the kept dataset, or None for a request without data."""
    data = header.get("data", "arrow-stream")
    key = header.get("dataset")
    if data == "arrow-stream":
        table = ingest.read_table(requests)
        if not key:
            return table
        _kept.update(key=key, table=table)
        return table.fresh()
    if data == "dataset":
        if not key or _kept["key"] != key:
            raise DataError("this worker does not hold the dataset %r (charton sends it again to a new worker)" % key)
        return _kept["table"].fresh()
    return None


def run(header, table):
    """(text, raised) for an EXEC request; raised is the error object of an exception the user's
    code raised, or None."""
    action = header.get("action")
    width = int(header.get("width") or 80)
    if action == "python":
        return run_code(str(header.get("code") or ""), _bound(header.get("dataset"), table), width)
    if action == "head":
        if table is None:
            raise UsageError("no data loaded")
        return first_rows(table, int(header.get("rows") or 10), width), None
    raise UsageError("unknown session action %r" % (action,))


def _bound(key, table):
    """The shell's namespace, with df and table bound to the data when it changed."""
    if not _namespace:
        _namespace.update(__name__="__charton_shell__", __builtins__=builtins)
    if _namespace_key[0] != key or "df" not in _namespace:
        # A copy: pandas may share Arrow's read-only memory, and the user may well write to df.
        _namespace["df"] = table.frame.copy(deep=True) if table is not None else None
        _namespace["table"] = table.arrow if table is not None else None
        _namespace_key[0] = key
    return _namespace


def run_code(code, namespace, width=80):
    """Runs ``code`` in ``namespace``, capturing what it prints; (output, raised)."""
    output = _Output()
    raised = None
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output), _display_width(width):
        try:
            _execute(code, namespace)
        except KeyboardInterrupt:
            raise
        except SyntaxError as error:
            raised = _syntax_error(error)
        except BaseException as error:  # the user's code may raise anything, SystemExit included
            _cut_before_user_code(error)
            raised = describe(error)
            if isinstance(error, SystemExit):
                raised["message"] = "the code called sys.exit(%s)" % (error.code,)
    return output.getvalue(), raised


def _execute(code, namespace):
    """Like the interactive interpreter: the value of a final expression is shown."""
    tree = ast.parse(code, CODE_NAME, "exec")
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, CODE_NAME, "exec", dont_inherit=True), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), CODE_NAME, "eval", dont_inherit=True), namespace)
        if value is not None:
            print(repr(value))


def _syntax_error(error):
    return {"type": "SyntaxError", "message": error.msg, "category": "software", "file": CODE_NAME,
            "line": error.lineno, "traceback": "".join(traceback.format_exception_only(SyntaxError, error))}


def _cut_before_user_code(error):
    """The traceback starts at the user's first line, not in this module."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != CODE_NAME:
        tb = tb.tb_next
    if tb is not None:
        error.__traceback__ = tb


def first_rows(table, rows, width=80):
    """The first ``rows`` rows as pandas prints them, wrapped at ``width`` columns; only those rows
    are converted to pandas."""
    from .arrow_pandas import to_pandas

    frame = to_pandas(table.arrow.slice(0, rows))
    return frame.to_string(line_width=width) + "\n"


@contextlib.contextmanager
def _display_width(width):
    """pandas wraps printed frames at the terminal's width (the option is reset after the request)."""
    try:
        import pandas
    except ImportError:
        yield
        return
    with pandas.option_context("display.width", width):
        yield


class _Output(io.StringIO):
    """Captured output, cut at OUTPUT_LIMIT characters so a runaway loop cannot exhaust memory."""

    def __init__(self):
        super().__init__()
        self.truncated = False

    def write(self, text):
        room = OUTPUT_LIMIT - self.tell()
        if room <= 0 or len(text) > room:
            if not self.truncated:
                self.truncated = True
                super().write(text[:max(room, 0)] + "\n[output cut at %d characters]\n" % OUTPUT_LIMIT)
            return len(text)
        return super().write(text)
