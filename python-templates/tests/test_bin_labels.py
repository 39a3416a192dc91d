"""Binned heatmap axes are labelled as a person would write the bins: round numbers with the decimals
they need, large ones grouped in thousands, time bins in the form of their calendar step (a month as
``Mar 2012``). Read in the drawn
output: matplotlib's SVG (its tick labels' text) and plotly's JSON (the heatmap's categories)."""
import json
import re
import unittest
import xml.etree.ElementTree as ElementTree

import numpy as np
import pandas as pd

from chartdata import spec, table, weather
from chartonpy import renderers
from chartonpy.bin_labels import calendar_labels

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
    def test_a_year_of_days_is_labelled_by_month(self):
        frame = weather()
        expected = ["%s 2025" % month for month in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                    "Oct", "Nov", "Dec")]
        for renderer, labels in drawn(frame, "x", x="date", y=["weather"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(expected, labels)

    def test_bins_shorter_than_a_day_show_their_clock_times(self):
        frame = pd.DataFrame({"t": pd.date_range("2025-03-01", periods=120, freq="10min"), "g": "a"})
        for renderer, labels in drawn(frame, "x", x="t", y=["g"]).items():
            with self.subTest(renderer=renderer):
                self.assertEqual(40, len(labels))  # 20 hours in half hours: the finest step giving at most 50
                self.assertEqual(["2025-03-01 00:00-00:30", "2025-03-01 00:30-01:00"], labels[:2])
                self.assertEqual("2025-03-01 19:30-20:00", labels[-1])

    def test_each_step_has_its_natural_form(self):
        def labels(unit, multiple, *stamps, nanos_per_unit=1):
            edges = [pd.Timestamp(stamp, tz="UTC").value // nanos_per_unit for stamp in stamps]
            return calendar_labels(edges, {"unit": unit, "multiple": multiple, "nanos_per_unit": nanos_per_unit})

        self.assertEqual(["2012", "2013"], labels("year", 1, "2012-01-01", "2013-01-01", "2014-01-01"))
        self.assertEqual(["1990 to 1999", "2000 to 2009"], labels("year", 10, "1990-01-01", "2000-01-01", "2010-01-01"))
        self.assertEqual(["Dec 2011", "Jan 2012", "Feb 2012"],
                         labels("month", 1, "2011-12-01", "2012-01-01", "2012-02-01", "2012-03-01", nanos_per_unit=10 ** 6))
        self.assertEqual(["Q4 2011", "Q1 2012"], labels("month", 3, "2011-10-01", "2012-01-01", "2012-04-01"))
        self.assertEqual(["H2 2011"], labels("month", 6, "2011-07-01", "2012-01-01"))
        self.assertEqual(["Nov to Dec 2011"], labels("month", 2, "2011-11-01", "2012-01-01"))
        self.assertEqual(["week of 2012-02-27"], labels("week", 1, "2012-02-27", "2012-03-05"))
        self.assertEqual(["2012-02-28", "2012-02-29"], labels("day", 1, "2012-02-28", "2012-02-29", "2012-03-01",
                                                                nanos_per_unit=10 ** 9))
        self.assertEqual(["2012-03-05 14:00"], labels("hour", 1, "2012-03-05 14:00", "2012-03-05 15:00"))
        self.assertEqual(["2012-03-05 12:00-24:00"], labels("hour", 12, "2012-03-05 12:00", "2012-03-06"))
        self.assertEqual(["2012-03-05 14:10-14:15"], labels("minute", 5, "2012-03-05 14:10", "2012-03-05 14:15"))
        self.assertEqual(["2012-03-05 14:10:15-14:10:30"], labels("second", 15, "2012-03-05 14:10:15",
                                                                  "2012-03-05 14:10:30"))
        self.assertEqual(["2012-03-05 14:10:15.250-14:10:15.300"], labels(
            "nanosecond", 50 * 10 ** 6, "2012-03-05 14:10:15.250", "2012-03-05 14:10:15.300", nanos_per_unit=1000))
        self.assertEqual(["2012-03-05 14:10:15.000001"], labels(
            "nanosecond", 1000, "2012-03-05 14:10:15.000001", "2012-03-05 14:10:15.000002"))


if __name__ == "__main__":
    unittest.main()
