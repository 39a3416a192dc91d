"""Running the user's own Python (scripts and template plugins) so that its errors name its lines.

The worker reports where an error happened from the innermost frame of its traceback. When user
code fails inside a library (a pandas KeyError, say), that frame is deep in the library, so the
traceback is cut after the user's last frame: the report then reads ``plot.py:12``.
"""
import contextlib
import os
import sys


def same_file(a, b):
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def call(path, function, *args):
    """``function(*args)``; an exception's traceback ends at the last frame inside ``path``."""
    try:
        return function(*args)
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        _cut_after_last_frame_in(error.__traceback__, path)
        raise


def _cut_after_last_frame_in(traceback, path):
    last = None
    while traceback is not None:
        if same_file(traceback.tb_frame.f_code.co_filename, path):
            last = traceback
        traceback = traceback.tb_next
    if last is not None:
        last.tb_next = None


def compile_file(path):
    """The code of the file at ``path``; a syntax error is raised from the offending line itself."""
    with open(path, "rb") as handle:
        source = handle.read()
    try:
        return compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        failure = SyntaxError(error.msg)
        line = error.lineno or 1
    # A SyntaxError carries its place only as attributes; raising it from code compiled under the
    # user's file name, at that line, gives it a traceback frame there like any runtime error.
    exec(compile("\n" * (line - 1) + "raise failure", path, "exec", dont_inherit=True), {"failure": failure})


@contextlib.contextmanager
def importable_from(directory):
    """Lets user code import the modules that sit beside it."""
    sys.path.insert(0, directory)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(directory)
