"""What this Python can do for charton: the answer to a probe (charton doctor), as JSON bytes.

The renderers, their formats and what each lacks come from the renderer catalog; package versions
from installed metadata, so nothing heavy is imported.
"""
import importlib.metadata
import json
import platform
import sys

from . import PROTOCOL_VERSION, ingest, renderers

_READER_PACKAGES = ("pyarrow", "numpy", "pandas")


def report():
    reader, why = ingest.reader_status()
    document = {
        "protocol": PROTOCOL_VERSION,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "prefix": sys.prefix,
        "reader": {"name": reader, "reason": why},
        "packages": {name: version(name) for name in _READER_PACKAGES},
        "renderers": [_renderer(row) for row in renderers.catalog()],
    }
    return json.dumps(document, sort_keys=True).encode("utf-8")


def version(package):
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _renderer(row):
    """A row of the renderer catalog, with the versions of the packages a built-in renderer needs."""
    builtin = renderers.BUILTIN.get(row["name"])
    needs = builtin.packages if builtin is not None and row["origin"] == "built-in" else ()
    unavailable = row.get("unavailable_formats") or {}
    return {
        "name": row["name"],
        "origin": row["origin"],
        "template": row["origin"] != "built-in",
        "status": row["status"],
        "packages": {p: version(p) for p in needs},
        "missing": list(row["missing"]),
        "formats": {fmt: {"missing": [unavailable[fmt]] if fmt in unavailable else []} for fmt in row["formats"]},
    }
