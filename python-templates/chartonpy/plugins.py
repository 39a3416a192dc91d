"""Renderers from the user's directories: CHARTON_TEMPLATES lists directories (os.pathsep-separated)
in which a file NAME.py defining ``render(table, spec, fmt) -> (bytes, media_type)`` is the
renderer NAME. The first directory holding NAME.py wins.

A template is executed afresh for every request (a new module object each time), so an edited
file is picked up by a warm worker and nothing of one request's module survives into the next.
Its directory is appended to sys.path for the request, so it can import helper modules beside it.
"""
import importlib.util
import os
import sys

from .isolation import template_directories


def find(name):
    """The file of template NAME, or None."""
    if not name or os.sep in name or (os.altsep and os.altsep in name) or name.startswith("."):
        return None
    for directory in template_directories():
        path = os.path.join(directory, name + ".py")
        if os.path.isfile(path):
            return path
    return None


def names():
    found = set()
    for directory in template_directories():
        if os.path.isdir(directory):
            found.update(f[:-3] for f in os.listdir(directory) if f.endswith(".py") and not f.startswith("_"))
    return sorted(found)


def load(name):
    """A fresh module executed from template NAME's file; None when there is no such template."""
    path = find(name)
    if path is None:
        return None
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.append(directory)  # after the libraries, so a helper beside it cannot shadow them
    module_name = "charton_template_" + name
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # some code (dataclasses, pickle) looks itself up here
    spec.loader.exec_module(module)
    return module
