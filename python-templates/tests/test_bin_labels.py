"""Binned heatmap axes are labelled as a person would write the bins: round numbers with the decimals
they need, large ones grouped in thousands, time bins as the days they hold. Read in the drawn
output: matplotlib's SVG (its tick labels' text) and plotly's JSON (the heatmap's categories)."""
import datetime
import json
import re
import unittest
import xml.etree.ElementTree as ElementTree

import numpy as np
import pandas as pd

from chartdata import spec, table, weather
from chartonpy import renderers

WIDE = {"width": 2400, "height": 900}  # room for every label: nothing thinned or shortened


def svg_tick_labels(svg, axis):
    """The text of each drawn tick label of ``axis`` ("x" or "y"), in order: matplotlib writes each
    text as paths preceded by a comment holding it."""
    root = ElementTree.fromstring(svg, parser=ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True)))
    plot = next(g for g in root.iter() if g.get("id") == "axes_1")  # not the colour bar's axes
    ticks = [g for g in plot.iter() if re.fullmatch(axis + r"tick_\d+", g.get("id") or "")]
    return [node.text.strip() for tick in ticks for node in tick.iter() if node.tag is ElementTree.Comment]


def plotly_labels(figure, axis):
    """The heatmap's categories along ``axis``, in their order."""
    return list(dict.fromkeys(figure["data"][0][axis]))


def drawn(frame, axis, **options):
    """{renderer: the labels of ``axis``} of the heatmap of ``frame`` as matplotlib and plotly draw it."""
    chart = spec(kind="heatmap", **WIDE, **options)
    svg = renderers.load("matplotlib").render(table(frame), chart, "svg")[0]
    figure = json.loads(renderers.load("plotly").render(table(frame), chart, "json")[0])
    return {"matplotlib": svg_tick_labels(svg, axis), "plotly": plotly_labels(figure, axis)}


def numbers(values):
    return pd.DataFrame({"v": values, "group": np.resize(["a", "b"], len(values))})


class NumericBins(unittest.TestCase):
    def test_tenths_have_one_decimal_and_no_rounding_noise(self):
        # 0 to 0.97 in 10 bins: edges 0.1 apart, which floating point holds as 0.30000000000000004
        expected = ["%s to %s" % (a, b) for a, b in zip(
            ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"],
            ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"])]
        for renderer, labels in drawn(numbers(np.arange(98) / 100), "x", x="v", y=["group"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(expected, labels)

    def test_large_numbers_are_grouped_in_thousands_not_in_exponents(self):
        for renderer, labels in drawn(numbers(np.linspace(1_000_000, 3_490_000, 80)), "y", x="group", y=["v"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual("1,000,000 to 1,250,000", labels[0])
                self.assertEqual("3,250,000 to 3,500,000", labels[-1])
                self.assertFalse([label for label in labels if "e+" in label])

    def test_quarter_steps_keep_the_decimals_each_edge_needs(self):
        for renderer, labels in drawn(numbers(np.linspace(-1, 1.4, 70)), "x", x="v", y=["group"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(["-1 to -0.75", "-0.75 to -0.5"], labels[:2])
                self.assertIn("-0.25 to 0", labels)
                self.assertIn("0 to 0.25", labels)


class TimeBins(unittest.TestCase):
    def test_a_year_of_days_is_labelled_by_the_days_each_bin_holds(self):
        frame = weather()
        for renderer, labels in drawn(frame, "x", x="date", y=["weather"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(10, len(labels))
                spans = [[datetime.date.fromisoformat(day) for day in label.split(" to ")] for label in labels]
                self.assertEqual(frame["date"].min().date(), spans[0][0])
                self.assertEqual(frame["date"].max().date(), spans[-1][-1])
                for before, after in zip(spans, spans[1:]):
                    self.assertEqual(before[-1] + datetime.timedelta(days=1), after[0], "bins follow each other")

    def test_bins_shorter_than_a_day_show_minutes(self):
        frame = pd.DataFrame({"t": pd.date_range("2025-03-01", periods=120, freq="10min"), "g": "a"})
        for renderer, labels in drawn(frame, "x", x="t", y=["g"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(10, len(labels))
                self.assertRegex(labels[1], r"^2025-03-01 \d\d:\d\d-\d\d:\d\d$")


if __name__ == "__main__":
    unittest.main()
