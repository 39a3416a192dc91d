"""No two tick labels overlap on plotly figures. There is no browser to measure in, so the figure's
JSON layout is read and its labels measured in DejaVu Sans by matplotlib's Agg renderer (as wide
as plotly's default Open Sans or wider), a line taken as 1.3 of the font size high."""
import json
import math
import unittest

import numpy as np
import pandas as pd

from chartdata import label_width, sales, spec, table
from chartonpy import renderers

LINE = 1.3
FONT = 12  # plotly's default template
LONG_NAMES = ["a rather long category name number %d" % i for i in range(60)]


def layout(frame, **options):
    figure = json.loads(renderers.load("plotly").render(table(frame), spec(**options), "json")[0])
    return figure["layout"]


def axis_length(layout, name):
    """The axis's length in pixels: the figure less its margins (plotly's defaults unless set), times
    its domain."""
    margin = {"l": 80, "r": 80, "t": 100, "b": 80, **layout.get("margin", {})}
    low, high = layout[name].get("domain", [0, 1])
    size = layout["width"] - margin["l"] - margin["r"] if name.startswith("x") else layout["height"] - margin["t"] - margin["b"]
    return size * (high - low)


def assert_categories_fit(test, layout, name, categories):
    """Each shown label of the category axis has room: its width level, or a line height across
    its slant; and labels are ticks of the axis, in its order."""
    axis = layout[name]
    shown, text = axis["tickvals"], axis["ticktext"]
    test.assertTrue(set(shown) <= set(categories), "every label is a category of the axis")
    positions = [categories.index(label) for label in shown]
    test.assertEqual(sorted(positions), positions)
    room = axis_length(layout, name) / len(categories) * min(np.diff(positions), default=len(categories))
    angle = abs(axis.get("tickangle") or 0) if name.startswith("x") else 90
    needed = (max(label_width(t, FONT) for t in text) if angle == 0 else LINE * FONT / math.sin(math.radians(angle)))
    test.assertLessEqual(needed, room, "%s: labels need %.0f px each, have %.0f" % (name, needed, room))
    test.assertTrue(all(len(t) <= 24 for t in text), "long labels are shortened")


class CategoryAxes(unittest.TestCase):
    def test_sixty_long_names_are_shortened_stood_on_end_and_thinned(self):
        frame = pd.DataFrame({"name": LONG_NAMES, "v": np.arange(60.0)})
        result = layout(frame, kind="bar", x="name", y=["v"])
        assert_categories_fit(self, result, "xaxis", sorted(LONG_NAMES))
        self.assertEqual(-90, result["xaxis"]["tickangle"])
        self.assertLess(len(result["xaxis"]["tickvals"]), 60)
        self.assertTrue(result["xaxis"]["automargin"])

    def test_a_few_short_labels_stay_level_and_all_shown(self):
        result = layout(sales(), kind="bar", x="region", y=["units"], color="product")
        self.assertEqual(["East", "North", "South", "West"], result["xaxis"]["tickvals"])
        self.assertEqual(0, result["xaxis"]["tickangle"])

    def test_the_readme_facet_example_with_months_as_text(self):
        frame = sales()
        result = layout(frame, kind="line", x="month", y=["units"], color="product", facet="region")
        months = sorted(frame["month"].unique())
        names = [name for name in result if name.startswith("xaxis")]
        self.assertEqual(4, len(names))
        for name in names:
            with self.subTest(axis=name):
                assert_categories_fit(self, result, name, months)

    def test_a_heatmap_with_sixty_rows_labels_every_kth(self):
        rng = np.random.default_rng(3)
        frame = pd.DataFrame({"a": rng.choice(["p", "q"], 600), "b": rng.choice(LONG_NAMES, 600)})
        result = layout(frame, kind="heatmap", x="a", y=["b"])
        assert_categories_fit(self, result, "yaxis", sorted(LONG_NAMES))


class TimeAxes(unittest.TestCase):
    def test_the_readme_facet_example_has_as_many_ticks_as_month_labels_fit(self):
        frame = sales()
        frame["month"] = pd.to_datetime(frame["month"], format="%Y-%m")  # as charton's reader types it
        result = layout(frame, kind="line", x="month", y=["units"], color="product", facet="region")
        for name in [name for name in result if name.startswith("xaxis")]:
            with self.subTest(axis=name):
                ticks = result[name]["nticks"]
                self.assertGreaterEqual(ticks, 2)
                self.assertLessEqual(ticks * label_width("Mar 2025", FONT), axis_length(result, name))

    def test_a_wide_single_panel_keeps_more_ticks(self):
        frame = pd.DataFrame({"t": pd.date_range("2020-01-01", periods=400, freq="D"), "v": np.arange(400.0)})
        result = layout(frame, kind="line", x="t", y=["v"], width=1600)
        self.assertGreaterEqual(result["xaxis"]["nticks"], 10)


if __name__ == "__main__":
    unittest.main()
