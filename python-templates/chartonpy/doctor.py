"""What this Python can do for charton: the answer to a probe (charton doctor), as JSON bytes.

Package versions come from installed metadata, so nothing heavy is imported for a renderer whose
packages are missing. A renderer module may describe its formats with ``FORMATS`` (format -> media
type) and, for formats needing more than the renderer's own packages, ``missing_for_format(fmt)``
returning the pip packages still missing.
"""
import importlib.metadata
import json
import platform
import sys

from . import PROTOCOL_VERSION, ingest, renderers
from .errors import ChartonError

_READER_PACKAGES = ("pyarrow", "polars", "numpy", "pandas")


def report():
    try:
        reader, why = ingest.choose_reader()
    except ChartonError as e:
        reader, why = None, str(e)
    document = {
        "protocol": PROTOCOL_VERSION,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "prefix": sys.prefix,
        "reader": {"name": reader, "reason": why, "env": ingest.ENV_VARIABLE},
        "packages": {name: version(name) for name in _READER_PACKAGES},
        "renderers": [_renderer(name) for name in renderers.names()],
    }
    return json.dumps(document, sort_keys=True).encode("utf-8")


def version(package):
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _renderer(name):
    needs = renderers.BUILTIN[name][1] if name in renderers.BUILTIN else []
    entry = {
        "name": name,
        "packages": {p: version(p) for p in needs},
        "missing": renderers.missing_packages(name),
        "formats": {},
        "template": name not in renderers.BUILTIN,
    }
    if entry["missing"]:
        return entry
    try:
        module = renderers.load(name)
    except Exception as e:  # reported, not raised: the doctor describes what is broken
        entry["error"] = "%s: %s" % (type(e).__name__, e)
        return entry
    for fmt in getattr(module, "FORMATS", {}):
        missing_for = getattr(module, "missing_for_format", None)
        entry["formats"][fmt] = {"missing": list(missing_for(fmt)) if missing_for else []}
    return entry
