"""Keeps one request's changes to the interpreter from reaching the next one.

A warm worker serves many requests, so whatever a renderer or a user's script changes must be put
back afterwards, as if each request had a fresh interpreter (see docs/protocol.md, "Isolation").

Put back after every request:
  the working directory; os.environ; sys.path, sys.argv, sys.stdin/stdout/stderr and the
  recursion limit; names added to or changed in builtins and __main__; the warnings filters;
  modules imported from the user's own code (the CHARTON_TEMPLATES directories, the working
  directory, the script's directory), so an edited file is read afresh; matplotlib's open figures
  and rcParams (style sheets and seaborn themes change them); pandas options; the random seeds of
  ``random`` and ``numpy.random`` (reseeded from the OS, as a new process would be).

Not put back: library modules imported by a request stay imported (that is the point of a warm
worker, and C extensions cannot be imported twice); threads or child processes a script leaves
running; registries inside libraries (matplotlib colormaps, units).
"""
import builtins
import os
import random
import sys
import warnings

from . import plugins

class Snapshot:
    """The interpreter state a request may change, captured before it runs."""

    def __init__(self, user_roots=()):
        self.cwd = os.getcwd()
        self.environ = dict(os.environ)
        self.path = list(sys.path)
        self.argv = list(sys.argv)
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        self.recursion_limit = sys.getrecursionlimit()
        self.builtins = dict(vars(builtins))
        self.main = dict(vars(sys.modules["__main__"]))
        self.modules = set(sys.modules)
        self.user_roots = _user_roots(self.cwd, self.environ, user_roots)

    def restore(self):
        os.chdir(self.cwd)
        if os.environ != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        sys.path[:] = self.path
        sys.argv[:] = self.argv
        sys.stdin, sys.stdout, sys.stderr = self.streams
        sys.setrecursionlimit(self.recursion_limit)
        _restore_dict(vars(builtins), self.builtins)
        _restore_dict(vars(sys.modules["__main__"]), self.main)
        _forget_user_modules(self.modules, self.user_roots)
        reset_libraries()


def catch_warnings():
    """The warnings filters (and showwarning) are put back when the block ends."""
    return warnings.catch_warnings()


def _user_roots(cwd, environ, extra):
    roots = [cwd, *(os.path.abspath(d) for d in plugins.directories(environ)), *(os.path.abspath(r) for r in extra)]
    return tuple(os.path.join(os.path.realpath(r), "") for r in roots)


def _restore_dict(target, saved):
    for name in [n for n in target if n not in saved]:
        del target[name]
    for name, value in saved.items():
        if target.get(name, _MISSING) is not value:
            target[name] = value


_MISSING = object()


def _forget_user_modules(before, roots):
    for name in [n for n in sys.modules if n not in before]:
        module = sys.modules.get(name)
        path = getattr(module, "__file__", None)
        if path and os.path.realpath(path).startswith(roots):
            del sys.modules[name]


def reset_libraries():
    """Library-wide settings, for the libraries that are loaded (nothing is imported here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None:
            pyplot.close("all")
        matplotlib = sys.modules.get("matplotlib")
        if matplotlib is not None:
            matplotlib.rc_file_defaults()
        pandas = sys.modules.get("pandas")
        if pandas is not None and hasattr(pandas, "reset_option"):
            pandas.reset_option("all")
        reseed()


def reseed():
    """Seeds ``random`` and ``numpy.random`` (if loaded) from the OS, as a new process would be."""
    random.seed()
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        numpy_random.seed()
