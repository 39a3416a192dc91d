"""User scripts (--script plot.py): the user's code with the data in scope makes the figure.

The script sees ``df`` (a pandas DataFrame), ``table`` (the pyarrow Table), ``params`` (the --param
key=value pairs, as strings) and ``spec`` (the chart options). Its figure is the first of: what it assigns to ``fig``, what it assigns to ``chart``,
what its ``render(df, params)`` returns, the current matplotlib figure.
"""
import os

from . import usercode

FIGURE_NAMES = ("fig", "chart")


def run(path, table, spec):
    """The figure the script at ``path`` makes (None when it only drew with pyplot)."""
    code = usercode.compile_file(path)
    namespace = {
        "__name__": "__charton_script__",
        "__file__": path,
        "df": table.frame,
        "table": table.arrow,
        "params": dict(spec.params),
        "spec": spec,
    }
    with usercode.importable_from(os.path.dirname(os.path.abspath(path))):
        usercode.call(path, exec, code, namespace)
        for name in FIGURE_NAMES:
            if namespace.get(name) is not None:
                return namespace[name]
        render = namespace.get("render")
        if callable(render):
            return usercode.call(path, render, table.frame, dict(spec.params))
    return None
