"""Failures the worker reports as structured errors. The category picks charton's exit code."""
import os
import site
import sys
import sysconfig
import traceback


class ChartonError(Exception):
    category = "software"


class DataError(ChartonError):
    """The data cannot be read, or lacks what the chart asks for (exit 65)."""

    category = "data"


class UsageError(ChartonError):
    """The options make no sense for this renderer (exit 64)."""

    category = "usage"


class UnavailableError(ChartonError):
    """A package the request needs is not installed (exit 69)."""

    category = "unavailable"


def describe(error):
    """The structured form of an exception (the "error" object of an error response)."""
    category = error.category if isinstance(error, ChartonError) else "software"
    frames = traceback.extract_tb(error.__traceback__)
    origin = _user_frame(frames)
    return {
        "type": type(error).__name__,
        "message": _message(error),
        "category": category,
        "file": origin.filename if origin else None,
        "line": origin.lineno if origin else None,
        "where": "%s:%d" % (os.path.basename(origin.filename), origin.lineno) if origin else "",
        "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    }


def _message(error):
    if isinstance(error, SystemExit):
        return "the renderer called sys.exit(%s) before making a figure" % (error.code,)
    if isinstance(error, MemoryError):
        from .memory_limit import active_label  # memory_limit reports its own failures with these errors

        limit = active_label()
        return ("Python ran out of memory" + (" under --memory-limit %s" % limit if limit else "")
                + (" (%s)" % error if str(error) else ""))
    return str(error)


def _user_frame(frames):
    """The innermost frame in the user's own code, else the innermost one; None without frames."""
    for frame in reversed(frames):
        if not _is_library(frame.filename):
            return frame
    return frames[-1] if frames else None


def _library_roots():
    roots = {os.path.dirname(os.path.abspath(__file__)), sys.prefix, sys.base_prefix, sys.exec_prefix}
    roots.update(p for p in sysconfig.get_paths().values() if p)
    try:
        roots.update(site.getsitepackages())
        roots.add(site.getusersitepackages())
    except AttributeError:  # an old virtualenv's site module
        pass
    return tuple(os.path.join(os.path.realpath(r), "") for r in roots)


_LIBRARY_ROOTS = None


def _is_library(filename):
    global _LIBRARY_ROOTS
    if _LIBRARY_ROOTS is None:
        _LIBRARY_ROOTS = _library_roots()
    if filename.startswith("<"):  # <frozen importlib._bootstrap>, <string>
        return filename.startswith("<frozen")
    return os.path.realpath(filename).startswith(_LIBRARY_ROOTS)
