"""Writes the batch benchmark's inputs into a directory: a 100,000-row CSV, a batch spec of 50
charts over it, the same 50 charts as `charton plot` argument lines, and as 50 stand-alone
pandas + matplotlib scripts (what a report made without charton looks like).

    python3 bench/batch_make.py DIR
"""
import csv
import datetime
import os
import random
import sys

ROWS = 100_000
METRICS = ["temp", "humidity", "wind", "pressure", "rain"]
STATIONS = ["st%02d" % i for i in range(20)]
REGIONS = ["north", "south", "east", "west"]

# Ten chart shapes, drawn for each metric: (name, charton options, the same chart in pandas + matplotlib)
SHAPES = [
    ("daily-mean", {"kind": "line", "x": "day", "y": "{m}", "agg": "mean"},
     'df.groupby("day")["{m}"].mean().plot(ax=ax)'),
    ("daily-max", {"kind": "area", "x": "day", "y": "{m}", "agg": "max"},
     's = df.groupby("day")["{m}"].max()\nax.fill_between(s.index, s.values)'),
    ("by-station", {"kind": "bar", "x": "station", "y": "{m}", "agg": "mean"},
     'df.groupby("station")["{m}"].mean().plot.bar(ax=ax)'),
    ("by-region", {"kind": "bar", "x": "region", "y": "{m}", "agg": "sum"},
     'df.groupby("region")["{m}"].sum().plot.bar(ax=ax)'),
    ("histogram", {"kind": "hist", "x": "{m}"},
     'ax.hist(df["{m}"].dropna())'),
    ("histogram-50", {"kind": "hist", "x": "{m}", "bins": 50},
     'ax.hist(df["{m}"].dropna(), bins=50)'),
    ("box-by-region", {"kind": "box", "x": "region", "y": "{m}"},
     'df.boxplot(column="{m}", by="region", ax=ax)'),
    ("regions-daily", {"kind": "line", "x": "day", "y": "{m}", "color": "region", "agg": "mean"},
     'df.groupby(["day", "region"])["{m}"].mean().unstack().plot(ax=ax)'),
    ("log-daily-count", {"kind": "line", "x": "day", "y": "{m}", "agg": "count", "log-y": True},
     'df.groupby("day")["{m}"].count().plot(ax=ax, logy=True)'),
    ("vs-temp", {"kind": "scatter", "x": "temp", "y": "{m}"},
     'ax.scatter(df["temp"], df["{m}"], s=2)'),
]


def write_data(path):
    random.seed(7)
    start = datetime.date(2024, 1, 1)
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["day", "station", "region"] + METRICS)
        for i in range(ROWS):
            day = start + datetime.timedelta(days=i % 730)
            station = STATIONS[i % len(STATIONS)]
            out.writerow([day.isoformat(), station, REGIONS[i % len(REGIONS)],
                          round(random.gauss(12, 8), 2), round(random.uniform(20, 100), 1),
                          round(random.expovariate(0.2), 2), round(random.gauss(1013, 9), 1),
                          round(max(0.0, random.gauss(1, 3)), 1)])


def charts():
    for metric in METRICS:
        for name, options, code in SHAPES:
            resolved = {k: (v.format(m=metric) if isinstance(v, str) else v) for k, v in options.items()}
            yield "%s-%s" % (metric, name), resolved, code.format(m=metric)


def main(directory):
    os.makedirs(os.path.join(directory, "scripts"), exist_ok=True)
    write_data(os.path.join(directory, "data.csv"))
    with open(os.path.join(directory, "report.yaml"), "w") as spec, \
            open(os.path.join(directory, "plots.txt"), "w") as plots:
        spec.write("datasets:\n  data: data.csv\ncharts:\n")
        for name, options, code in charts():
            spec.write("  %s:\n" % name)
            args = []
            for key, value in options.items():
                spec.write("    %s: %s\n" % (key, "true" if value is True else value))
                args += ["--" + key] if value is True else ["--" + key, str(value)]
            spec.write("    output: out/batch/%s.png\n" % name)
            plots.write(" ".join(args + ["-o", "out/plot/%s.png" % name]) + "\n")
            with open(os.path.join(directory, "scripts", name + ".py"), "w") as script:
                script.write("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
                             "import pandas as pd\n\n"
                             "df = pd.read_csv('data.csv', parse_dates=['day'])\n"
                             "fig, ax = plt.subplots(figsize=(8, 6), dpi=100)\n"
                             "%s\nfig.savefig('out/python/%s.png')\n" % (code, name))


if __name__ == "__main__":
    main(sys.argv[1])
