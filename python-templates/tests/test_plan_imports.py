"""A built-in renderer waits for no import it does not use: matplotlib draws a reduced plan with
pyarrow, numpy and matplotlib only, and the worker's preload for matplotlib leaves pandas out."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from chartdata import TEMPLATES

# The child reads the statistic as the worker does, an Arrow stream (building it there with
# pa.array would import pandas: pyarrow looks for pandas objects among its arguments).
DRAW_REDUCED_STATISTICS = """
import json, sys
from chartonpy import ingest, renderers
from chartonpy.spec import ChartSpec
drawn = []
for path, spec in json.loads(sys.argv[1]):
    with open(path, "rb") as stream:
        received = ingest.read_table(stream)
    png, media_type = renderers.load("matplotlib").render(received, ChartSpec(spec), "png")
    drawn.append(png[:8].hex())
print(json.dumps({"png": drawn, "pandas": "pandas" in sys.modules}))
"""

SIZE = {"width": 320, "height": 240, "dpi": 100}


def statistics(pa):
    """(table, spec) of a histogram by series, boxes with outliers by category, and a line over
    tz-aware times in panels."""
    times = pa.array([0, 3_600_000_000, 7_200_000_000, 0, 3_600_000_000], pa.timestamp("us", "Europe/Paris"))
    return [
        (pa.table({"color": pa.array(["a", "b", "a"]).dictionary_encode(), "start": [0.0, 0.0, 1.0],
                   "end": [1.0, 1.0, 2.0], "y": pa.array([3, 4, 5], pa.int64())}),
         {"kind": "hist", "y": ["v"], "color": "g",
          "reduced": {"stat": "bins", "rows_read": 12, "edges": [0.0, 1.0, 2.0]}}),
        (pa.table({"x": pa.array(["low", None]).dictionary_encode(), "q1": [1.0, 2.0], "median": [2.0, 3.0],
                   "q3": [3.0, 4.0], "whislo": [0.5, 1.0], "whishi": [4.0, 5.0],
                   "fliers": pa.array([[9.0, 10.0], []], pa.list_(pa.float64())), "n": pa.array([40, 8], pa.int64())}),
         {"kind": "box", "x": "level", "y": ["v"], "reduced": {"stat": "box", "rows_read": 48}}),
        (pa.table({"x": times, "facet": ["n", "n", "n", "s", "s"], "y": [1.0, None, 3.0, 2.0, 1.0]}),
         {"kind": "line", "x": "t", "y": ["v"], "facet": "p",
          "reduced": {"stat": "points", "rows_read": 900, "method": "m4", "pixels": 320}}),
    ]


class ImportsTest(unittest.TestCase):
    def run_python(self, code, *args):
        env = dict(os.environ, PYTHONPATH=TEMPLATES, MPLBACKEND="Agg")
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                              timeout=120)
        self.assertEqual(0, done.returncode, done.stderr)
        return done.stdout.splitlines()[-1]

    def test_a_reduced_matplotlib_render_does_not_import_pandas(self):
        import pyarrow as pa
        import pyarrow.ipc

        with tempfile.TemporaryDirectory() as directory:
            requests = []
            for i, (table, spec) in enumerate(statistics(pa)):
                path = os.path.join(directory, "%d.arrows" % i)
                with pa.ipc.new_stream(path, table.schema) as writer:
                    writer.write_table(table)
                requests.append((path, {**spec, **SIZE}))
            answer = json.loads(self.run_python(DRAW_REDUCED_STATISTICS, json.dumps(requests)))
        self.assertEqual(["89504e470d0a1a0a"] * 3, answer["png"], "three PNGs were drawn")
        self.assertFalse(answer["pandas"], "pandas was imported")

    def test_the_matplotlib_preload_does_not_import_pandas_and_the_seaborn_one_does(self):
        code = "import sys\nfrom chartonpy import worker\nworker.preload(%r)\nprint('pandas' in sys.modules)"
        self.assertEqual("False", self.run_python(code % "matplotlib"))
        self.assertEqual("True", self.run_python(code % "seaborn"))


class ArrowToNumpyTest(unittest.TestCase):
    """chartonpy.arrow_numpy reads the buffers of a statistic's column types as pyarrow would convert them."""

    def test_each_type_with_nulls_and_an_offset(self):
        import numpy as np
        import pyarrow as pa

        from chartonpy.arrow_numpy import to_numpy

        columns = [
            pa.array([1.5, None, -2.0, 4.0, None, 7.25]),
            pa.array([1, None, 3, 4, 5, 6], pa.int64()),
            pa.array([1, 2, 3, 4, 5, 6], pa.int32()),
            pa.array([0, None, 86_400_000_000, 5, 6, 7], pa.timestamp("us", "Asia/Tokyo")),
            pa.array([0, 1, None, 3, 4, 5], pa.date32()),
            pa.array(["b", None, "a", "b", "c", None]).dictionary_encode(),
            pa.array(["x", None, "y", "z", "w", "v"]),
            pa.array([[1.0], [], None, [2.0, 3.0], [4.0], []], pa.list_(pa.float64())),
        ]
        for column in columns:
            for part in (column, column.slice(1, 4), pa.chunked_array([column.slice(0, 2), column.slice(2)])):
                with self.subTest(type=str(column.type), length=len(part)):
                    expected = part.to_pandas().to_numpy()
                    actual = to_numpy(part)
                    self.assertEqual(len(expected), len(actual))
                    for want, got in zip(expected, actual):
                        if isinstance(want, np.ndarray):
                            self.assertEqual(list(want), list(got))
                        elif want is None or want != want:  # None, NaN or NaT
                            self.assertTrue(got is None or got != got, (want, got))
                        else:
                            self.assertEqual(np.datetime64(want) if hasattr(want, "tzinfo") else want,
                                             got if not hasattr(want, "tzinfo") else np.datetime64(got))
