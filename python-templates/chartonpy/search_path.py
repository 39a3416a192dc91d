"""sys.path without the working directory. Imported before anything else (it needs only os and sys),
so not even the standard library's modules can be shadowed by a file beside the user's data."""
import os
import sys

TEMPLATES = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def drop_working_directory():
    """Takes the working directory out of sys.path ("" and "." included), so a stray pandas.py beside
    the data is never imported in place of the real one; the templates directory stays."""
    cwd = os.getcwd()
    sys.path[:] = [p for p in sys.path
                   if os.path.abspath(p or ".") == TEMPLATES or (p not in ("", ".") and os.path.abspath(p) != cwd)]
