"""A value of a line with nulls on both sides draws no line segment: every renderer marks it."""
import base64
import json
import re
import unittest

import numpy as np
import pandas as pd

from chartdata import spec, table, vega_lite
from chartonpy import renderers

# Rows 0 and 2 are alone between nulls; rows 5 and 6 form a segment.
GAPS = pd.DataFrame({"i": np.arange(8), "y": [1.0, None, 3.0, None, None, 4.0, 5.0, None]})


def render(renderer, fmt):
    data, _ = renderers.load(renderer).render(table(GAPS), spec(kind="line", x="i", y=["y"]), fmt)
    return data


class IsolatedPoints(unittest.TestCase):
    def test_matplotlib_and_seaborn_draw_a_dot_on_each(self):
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                svg = render(renderer, "svg").decode()
                colour = re.search(r"stroke: (#[0-9a-f]{6}); stroke-width: 1\.[45]", svg).group(1)
                dots = re.findall(r'<use [^>]*style="fill: %s' % colour, svg)
                self.assertEqual(2, len(dots), "one dot in the line's colour for each of rows 0 and 2")

    def test_plotly_marks_only_the_isolated_values(self):
        trace = json.loads(render("plotly", "json"))["data"][0]
        self.assertEqual("lines+markers", trace["mode"])
        sizes = trace["marker"]["size"]  # plotly writes arrays as typed, base64-encoded data
        decoded = np.frombuffer(base64.b64decode(sizes["bdata"]), dtype=sizes["dtype"]) if "bdata" in sizes else sizes
        self.assertEqual([6, 0, 6, 0, 0, 0, 0, 0], list(decoded))

    def test_altair_layers_dots_on_the_isolated_values(self):
        chart, rows = vega_lite(render("altair", "json"))
        self.assertEqual(["line", "circle"], [layer["mark"]["type"] for layer in chart["layer"]])
        self.assertEqual([0, 2], [row["x"] for row in rows if row["lone"]])


if __name__ == "__main__":
    unittest.main()
