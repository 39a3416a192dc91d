"""The registry of renderers: name -> module and the pip packages it needs.

A renderer module defines ``render(table, spec, fmt) -> (bytes, media_type)``. Requirements are
listed here rather than found by importing the module, so a missing package is reported before
anything heavy is imported.
"""
import importlib
import importlib.util

from .. import plugins
from ..errors import UsageError

# name: (module, pip packages needed, {pip package: import name} where they differ)
BUILTIN = {
    "matplotlib": ("chartonpy.renderers.matplotlib_renderer", ["numpy", "pandas", "matplotlib"]),
}

IMPORT_NAMES = {"vl-convert-python": "vl_convert", "pyyaml": "yaml"}


def names():
    return sorted(set(BUILTIN) | set(plugins.names()))


def missing_packages(name):
    """The pip packages the renderer needs that cannot be imported here."""
    if name not in BUILTIN:
        return []  # reported as a usage error when a request names it
    _, packages = BUILTIN[name]
    return [p for p in packages if importlib.util.find_spec(IMPORT_NAMES.get(p, p)) is None]


def load(name):
    if name not in BUILTIN:
        template = plugins.load(name)  # CHARTON_TEMPLATES directories
        if template is not None:
            return template
        raise UsageError("unknown renderer '%s' (available: %s)" % (name, ", ".join(names())))
    return importlib.import_module(BUILTIN[name][0])
