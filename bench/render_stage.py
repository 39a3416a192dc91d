"""Time of the renderer stage alone (grammar, drawing, saving) for a long line chart, per renderer,
and what matplotlib's path simplification (on in charton's exporter) saves.

The data is a random walk of N points against a datetime x, already in memory: reading the input
and the bridge are measured by the other benchmarks. Run with charton's Python:

    ~/.local/share/charton/venv/bin/python bench/render_stage.py [POINTS...]
"""
import os
import sys
import time
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python-templates"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from chartonpy import renderers  # noqa: E402
from chartonpy.ingest import Table  # noqa: E402
from chartonpy.renderers import matplotlib_renderer  # noqa: E402
from chartonpy.spec import ChartSpec  # noqa: E402

CASES = (("matplotlib", "png"), ("matplotlib", "svg"), ("seaborn", "png"), ("altair", "json"),
         ("plotly", "json"), ("plotly", "html"))


def walk(points):
    return pd.DataFrame({"time": pd.date_range("2025-01-01", periods=points, freq="s"),
                         "value": np.random.default_rng(7).normal(size=points).cumsum()})


def render(frame, renderer, fmt):
    renderers.load(renderer)  # imports happen in the worker before the data arrives
    started = time.perf_counter()
    data, _ = renderers.load(renderer).render(Table(frame), ChartSpec({"kind": "line", "x": "time", "y": ["value"]}), fmt)
    return time.perf_counter() - started, len(data)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    print("| points | renderer | format | seconds | bytes |")
    print("|---:|---|---|---:|---:|")
    for points in sizes:
        frame = walk(points)
        for renderer, fmt in CASES:
            seconds, size = render(frame, renderer, fmt)
            print("| %d | %s | %s | %.2f | %d |" % (points, renderer, fmt, seconds, size))
    print()
    print("| points | format | path simplification | seconds | bytes |")
    print("|---:|---|---|---:|---:|")
    for points in sizes:
        frame = walk(points)
        for fmt in ("png", "svg"):
            for simplify in (True, False):
                settings = dict(matplotlib_renderer.SAVE_SETTINGS, **{"path.simplify": simplify})
                with mock.patch.object(matplotlib_renderer, "SAVE_SETTINGS", settings):
                    seconds, size = render(frame, "matplotlib", fmt)
                print("| %d | %s | %s | %.2f | %d |" % (points, fmt, "on" if simplify else "off", seconds, size))


if __name__ == "__main__":
    main()
