"""--xlim and --ylim on every renderer, read back from the figure each writes."""
import json
import re
import unittest

from chartdata import spec, table, vega_lite, weather
from chartonpy import renderers

LIMITS = {"xlim": [0, 10], "ylim": [0, 40]}
DATES = {"xlim": ["2025-03-01", "2025-06-30"]}


def render(renderer, fmt, kind, x, limits):
    data, _ = renderers.load(renderer).render(table(weather()), spec(kind=kind, x=x, y=["temp_max"], **limits), fmt)
    return data


def svg_tick_labels(svg, axis):
    """The tick labels matplotlib wrote (as comments beside the glyphs) for ``axis`` ("x" or "y")."""
    ticks = re.split(r'<g id="%stick_\d+">' % axis, svg.decode())[1:]
    return [re.search(r"<!-- (.*?) -->", tick).group(1) for tick in ticks]


class Limits(unittest.TestCase):
    def test_matplotlib_and_seaborn_axes_end_at_the_limits(self):
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                svg = render(renderer, "svg", "scatter", "temp_min", LIMITS)
                self.assertEqual(["0", "2", "4", "6", "8", "10"], svg_tick_labels(svg, "x"))
                self.assertEqual(["0", "5", "10", "15", "20", "25", "30", "35", "40"], svg_tick_labels(svg, "y"))
                dates = svg_tick_labels(render(renderer, "svg", "line", "date", DATES), "x")
                self.assertEqual("Mar", dates[0], dates)
                self.assertNotIn("Feb", dates)
                self.assertNotIn("Jul", dates)

    def test_plotly_ranges(self):
        layout = json.loads(render("plotly", "json", "scatter", "temp_min", LIMITS))["layout"]
        self.assertEqual(([0, 10], [0, 40]), (layout["xaxis"]["range"], layout["yaxis"]["range"]))
        layout = json.loads(render("plotly", "json", "line", "date", DATES))["layout"]
        self.assertEqual(["2025-03-01T00:00:00", "2025-06-30T00:00:00"], layout["xaxis"]["range"])

    def test_altair_domains_with_marks_clipped(self):
        chart, _ = vega_lite(render("altair", "json", "scatter", "temp_min", LIMITS))
        self.assertEqual([0, 10], chart["encoding"]["x"]["scale"]["domain"])
        self.assertEqual([0, 40], chart["encoding"]["y"]["scale"]["domain"])
        self.assertTrue(chart["mark"]["clip"])
        chart, _ = vega_lite(render("altair", "json", "line", "date", DATES))
        low, high = chart["encoding"]["x"]["scale"]["domain"]
        self.assertEqual(((2025, 3, 1), (2025, 6, 30)),
                         ((low["year"], low["month"], low["date"]), (high["year"], high["month"], high["date"])))


if __name__ == "__main__":
    unittest.main()
