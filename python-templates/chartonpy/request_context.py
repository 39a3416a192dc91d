"""Where a request runs: the client's working directory, environment and memory limit.

A worker charton starts for one command inherits them from charton. A serving process of the worker
service (chartonpy/service.py) was forked from a service that another command started, somewhere
else, so every frame charton sends it carries ``context``: ``cwd``, ``environment`` (the whole
environment the worker would have had, TZ, PYTHONPATH, locale and CHARTON_WORKER_MEMORY_LIMIT
included). They are put in place before the request runs, as a new process would have them.
"""
import locale
import os
import sys
import time

from . import memory_limit
from .search_path import drop_working_directory


class Context:
    """The interpreter's own sys.path, less what its PYTHONPATH put there, captured once at start."""

    def __init__(self):
        own = _pythonpath_entries(os.environ)
        self.base_path = [p for p in sys.path if os.path.abspath(p or ".") not in own]

    def apply(self, header):
        """Puts the request's context in place; returns its memory limit (or None)."""
        context = header.get("context")
        if not context:
            return None
        try:
            os.chdir(context["cwd"])
        except OSError:
            os.chdir("/")  # a directory deleted since: the request still runs, as Python's would not start
        os.environ.clear()
        os.environ.update(context["environment"])
        os.environ.pop("CHARTON_WORKER_IGNORE_SIGINT", None)  # a service's processes get no terminal's SIGINT
        time.tzset()
        try:
            locale.setlocale(locale.LC_CTYPE, "")
        except locale.Error:
            pass  # a locale this system lacks: Python's own start-up carries on the same way
        sys.path[:] = self.base_path[:1] + _pythonpath_entries(os.environ) + self.base_path[1:]
        drop_working_directory()
        return memory_limit.from_environment(os.environ)


def _pythonpath_entries(environ):
    return [os.path.abspath(p) for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p]
