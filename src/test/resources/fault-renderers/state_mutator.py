"""Changes everything a request could leak into the next one (see chartonpy/isolation.py)."""
import builtins
import os
import random
import sys
import tempfile
import warnings

import fault_helper_module  # a user module beside this file: must be forgotten afterwards
import matplotlib
import matplotlib.pyplot as plt
import numpy
import pandas


def render(table, spec, fmt):
    os.chdir(tempfile.gettempdir())
    os.environ["CHARTON_LEAKED"] = "yes"
    sys.path.insert(0, "/leaked/path")
    sys.argv.append("--leaked")
    builtins.leaked_builtin = True
    sys.modules["__main__"].leaked_global = True
    warnings.simplefilter("error")
    matplotlib.rcParams["lines.linewidth"] = 42.0
    plt.style.use("ggplot")
    plt.figure()
    pandas.set_option("display.max_rows", 3)
    random.seed(1234)
    numpy.random.seed(1234)
    sys.setrecursionlimit(sys.getrecursionlimit() + 7)
    sys.stdout = open(os.devnull, "w")
    fault_helper_module.counter += 1
    return b"mutated", "text/plain"
