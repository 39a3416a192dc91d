"""Series colours told apart: the colour maths against published values, the palette's distances,
and the colours, dashes and shapes each renderer really draws for many series."""
import itertools
import json
import re
import unittest

import numpy as np
import pandas as pd

from chartdata import spec, svg_root, table, vega_lite
from chartonpy import palette, renderers
from chartonpy.plans import isolated

THEMES = {
    "matplotlib": ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                   "#17becf"],
    "seaborn deep": ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c", "#ccb974",
                     "#64b5cd"],
    "plotly": ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF",
               "#FECB52"],
    "none": [],
}


def many_series(count=14, points=30):
    """``count`` series of ``points`` rows each, apart from each other."""
    rows = [(i, s * 3 + np.sin(i / 4 + s), "s%02d" % s) for s in range(count) for i in range(points)]
    return pd.DataFrame(rows, columns=["t", "v", "name"])


def assert_told_apart(test, colours):
    test.assertEqual(len(colours), len(set(colours)))
    for a, b in itertools.combinations(colours, 2):
        test.assertGreaterEqual(palette.delta_e(a, b), palette.MIN_DELTA_E, (a, b))


class ColourMaths(unittest.TestCase):
    def test_cielab_of_known_colours(self):
        # CIELAB (D65) of the sRGB primaries and white, as published with the sRGB standard's matrix.
        for rgb, lab in [((1, 1, 1), (100, 0, 0)), ((0, 0, 0), (0, 0, 0)), ((1, 0, 0), (53.24, 80.09, 67.20)),
                         ((0, 1, 0), (87.73, -86.18, 83.18)), ((0, 0, 1), (32.30, 79.19, -107.86))]:
            np.testing.assert_allclose(palette.to_lab(rgb), lab, atol=0.02, err_msg=str(rgb))

    def test_delta_e_is_the_distance_in_cielab(self):
        self.assertAlmostEqual(100.0, palette.delta_e("white", "black"), places=3)
        self.assertEqual(0.0, palette.delta_e("#336699", "#336699"))


class Palette(unittest.TestCase):
    def test_every_pair_is_told_apart_up_to_thirty_series_whatever_the_theme(self):
        for theme, colours in THEMES.items():
            for count in (1, 2, 10, 11, 30):
                with self.subTest(theme=theme, count=count):
                    chosen = palette.series_colours(count, colours)
                    self.assertEqual(count, len(chosen))
                    assert_told_apart(self, chosen)

    def test_the_themes_colours_come_first(self):
        self.assertEqual(THEMES["matplotlib"], palette.series_colours(10, THEMES["matplotlib"]))
        self.assertEqual("#4c72b0", palette.series_colours(3, THEMES["seaborn deep"])[0])

    def test_too_close_or_too_light_colours_are_passed_over(self):
        self.assertEqual(["#1f77b4", "#d62728"], palette.series_colours(2, ["#1f77b4", "#2077b5", "#ffffee", "#d62728"]))

    def test_dashes_and_shapes_past_ten_series(self):
        self.assertEqual(("solid", "circle"), palette.series_style(9))
        self.assertEqual(("dashed", "square"), palette.series_style(10))
        self.assertEqual(("dotted", "triangle"), palette.series_style(29))

    def test_isolated_values_are_those_without_a_neighbour(self):
        ys = np.array([1.0, np.nan, 3.0, 4.0, np.nan, 6.0])
        self.assertEqual([True, False, False, False, False, True], list(isolated(ys)))


class RenderersDrawTheColours(unittest.TestCase):
    """Fourteen series on each renderer: fourteen colours told apart, and dashes past ten."""

    def render(self, renderer, kind, fmt):
        data, _ = renderers.load(renderer).render(table(many_series()),
                                                   spec(kind=kind, x="t", y=["v"], color="name"), fmt)
        return data

    def test_matplotlib_and_seaborn_lines(self):
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                root = svg_root(self.render(renderer, "line", "svg"))
                styles = [p.get("style", "") for p in root.iter() if p.tag.endswith("path")]
                # The series' lines and their legend entries (the axes' and grid's lines are thinner).
                lines = [s for s in styles if "fill: none" in s and re.search(r"stroke-width: 1\.[45]", s)]
                strokes = sorted({re.search(r"stroke: (#[0-9a-f]{6})", s).group(1) for s in lines})
                self.assertEqual(14, len(strokes), strokes)
                assert_told_apart(self, strokes)
                dashed = [s for s in lines if "stroke-dasharray" in s]
                self.assertGreaterEqual(len(dashed), 4, "series 11 to 14 are dashed")

    def test_plotly_lines_and_points(self):
        figure = json.loads(self.render("plotly", "line", "json"))
        traces = figure["data"]
        colours = [t["line"]["color"] for t in traces]
        assert_told_apart(self, colours)
        self.assertEqual(["solid"] * 10 + ["dash"] * 4, [t["line"]["dash"] for t in traces])
        points = json.loads(self.render("plotly", "scatter", "json"))["data"]
        self.assertEqual(["circle"] * 10 + ["square"] * 4, [t["marker"]["symbol"] for t in points])

    def test_altair_lines_and_points(self):
        chart, _ = vega_lite(self.render("altair", "line", "json"))
        colour = chart["encoding"]["color"]["scale"]
        self.assertEqual(14, len(colour["range"]))
        assert_told_apart(self, colour["range"])
        self.assertEqual([[1, 0]] * 10 + [[6, 3]] * 4, chart["encoding"]["strokeDash"]["scale"]["range"])
        points, _ = vega_lite(self.render("altair", "scatter", "json"))
        self.assertEqual(["circle"] * 10 + ["square"] * 4, points["encoding"]["shape"]["scale"]["range"])


if __name__ == "__main__":
    unittest.main()
