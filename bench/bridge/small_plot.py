"""The hand-written equivalent of `charton plot small.csv --x x --y y -o out.png`: what a user would
write without charton (pandas.read_csv, matplotlib, savefig), on the same interpreter.
Usage: python small_plot.py CSV PNG"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

frame = pd.read_csv(sys.argv[1])
fig = plt.figure(figsize=(8, 6), dpi=100)
ax = fig.add_subplot()
ax.plot(frame["x"], frame["y"], label="y")
ax.set_xlabel("x")
ax.set_ylabel("y")
fig.savefig(sys.argv[2], format="png", dpi=100)
