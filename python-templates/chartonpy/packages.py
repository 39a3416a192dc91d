"""Whether pip packages can be imported here, checked without importing them."""
import importlib.util
import sys

# pip names whose import name differs.
IMPORT_NAMES = {"vl-convert-python": "vl_convert", "pyyaml": "yaml", "pillow": "PIL"}


def import_name(package):
    return IMPORT_NAMES.get(package, package.replace("-", "_"))


def missing(packages):
    """The pip packages of ``packages`` that cannot be imported, in the given order."""
    return [p for p in packages if importlib.util.find_spec(import_name(p)) is None]


def install_hint(packages):
    return "%s -m pip install %s" % (sys.executable, " ".join(packages))
