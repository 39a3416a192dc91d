"""Whether pip packages can be imported here, checked without importing them."""
import importlib.util
import sys

# pip names whose import name differs.
IMPORT_NAMES = {"vl-convert-python": "vl_convert", "pyyaml": "yaml", "pillow": "PIL"}


def import_name(package):
    return IMPORT_NAMES.get(package, package.replace("-", "_"))


def missing(packages):
    """The pip packages of ``packages`` that cannot be imported, in the given order."""
    return [p for p in packages if not _importable(import_name(p))]


def _importable(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules, or a broken one
        return False


def install_hint(packages):
    return "%s -m pip install %s" % (sys.executable, " ".join(packages))
