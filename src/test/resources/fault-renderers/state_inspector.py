"""Reports the interpreter state state_mutator changes, as JSON."""
import builtins
import json
import os
import random
import sys
import warnings


def render(table, spec, fmt):
    state = {
        "cwd": os.getcwd(),
        "env_leaked": "CHARTON_LEAKED" in os.environ,
        "path_leaked": "/leaked/path" in sys.path,
        "argv_leaked": "--leaked" in sys.argv,
        "builtin_leaked": hasattr(builtins, "leaked_builtin"),
        "main_global_leaked": hasattr(sys.modules["__main__"], "leaked_global"),
        "warnings_error_filter": any(f[0] == "error" for f in warnings.filters),
        "helper_module_loaded": "fault_helper_module" in sys.modules,
        "recursion_limit": sys.getrecursionlimit(),
        "stdout_is_stderr": sys.stdout is sys.stderr,
        "random_after_seed_1234": random.Random(1234).random() == random.random(),
    }
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        import matplotlib.pyplot as plt

        state["open_figures"] = len(plt.get_fignums())
        state["linewidth"] = matplotlib.rcParams["lines.linewidth"]
        state["axes_facecolor"] = matplotlib.rcParams["axes.facecolor"]
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        state["numpy_random_after_seed_1234"] = bool(
            numpy_random.RandomState(1234).random_sample() == numpy_random.random_sample())
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        state["pandas_max_rows"] = pandas.get_option("display.max_rows")
    return json.dumps(state, sort_keys=True).encode(), "application/json"
