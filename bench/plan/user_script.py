"""The script a user would write instead of charton: read the table with pandas or polars, draw
one chart with matplotlib, save an 800x600 PNG.

    python bench/plan/user_script.py pandas|polars FILE line|scatter|hist|bar|delays OUT.png

Each library is used the way its users would: its own file reader, its own group-by for the bar
chart's means, numpy arrays handed to matplotlib.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SERIES_COLUMNS = ["ts", "value", "category"]


class Pandas:
    def __init__(self, path, columns):
        import pandas as pd

        if path.endswith(".parquet"):
            self.frame = pd.read_parquet(path, columns=columns)
        else:
            self.frame = pd.read_csv(path, usecols=columns, parse_dates=["ts"])

    def column(self, name):
        return self.frame[name].to_numpy()

    def series(self):
        for name, part in self.frame.groupby("category"):
            yield name, part["ts"].to_numpy(), part["value"].to_numpy()

    def means(self):
        means = self.frame.groupby("category")["value"].mean()
        return list(means.index), means.to_numpy()


class Polars:
    def __init__(self, path, columns):
        import polars as pl

        self.pl = pl
        if path.endswith(".parquet"):
            self.frame = pl.read_parquet(path, columns=columns)
        else:
            self.frame = pl.read_csv(path, columns=columns, try_parse_dates=True)

    def column(self, name):
        return self.frame[name].to_numpy()

    def series(self):
        for (name,), part in self.frame.group_by("category", maintain_order=True):
            yield name, part["ts"].to_numpy(), part["value"].to_numpy()

    def means(self):
        means = self.frame.group_by("category").agg(self.pl.col("value").mean()).sort("category")
        return means["category"].to_list(), means["value"].to_numpy()


def draw(chart, table, ax):
    if chart == "line":
        ax.plot(table.column("ts"), table.column("value"), linewidth=1.4)
    elif chart == "scatter":
        for name, ts, value in table.series():
            ax.plot(ts, value, linestyle="none", marker="o", markersize=1, label=name)
        ax.legend()
    elif chart == "hist":
        ax.hist(table.column("value"), bins="auto")
    elif chart == "delays":
        ax.hist(table.column("delay"), bins="auto")
    elif chart == "bar":
        names, means = table.means()
        ax.bar(names, means)


def main(library, path, chart, out):
    columns = ["delay"] if chart == "delays" else SERIES_COLUMNS
    table = (Pandas if library == "pandas" else Polars)(path, columns)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    draw(chart, table, ax)
    fig.savefig(out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
