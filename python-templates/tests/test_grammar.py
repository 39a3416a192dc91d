"""The chart grammar (chartonpy.grammar): kind inference, series, facets, aggregation, bins, errors."""
import unittest

import numpy as np
import pandas as pd

from chartdata import sales, spec, weather
from chartonpy import grammar
from chartonpy.errors import ChartonError, DataError, UsageError
from chartonpy.grammar import FACET, SERIES, VALUE, X, Y


def plan(frame, **options):
    return grammar.plan(frame, spec(**options))


class Kinds(unittest.TestCase):
    def test_categorical_x_with_numeric_y_is_a_bar_in_sorted_order(self):
        result = plan(weather(), kind="bar", x="weather", y=["precipitation"])
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], result.x_order)

    def test_a_histogram_counts_its_y_or_its_x(self):
        self.assertEqual("wind", plan(weather(), kind="hist", y=["wind"]).xlabel)
        self.assertEqual("wind", plan(weather(), kind="hist", x="wind").xlabel)

    def test_a_bar_without_y_counts_rows_per_value(self):
        result = plan(weather(), kind="bar", x="weather")
        self.assertEqual(365, result.data[Y].sum())
        self.assertEqual("count", result.ylabel)

    def test_a_heatmap_of_two_categorical_columns_counts_rows(self):
        result = plan(sales(), kind="heatmap", x="region", y=["product"])
        self.assertTrue((result.data[VALUE] == 12).all())

    def test_a_request_without_a_kind_is_an_internal_error(self):
        with self.assertRaisesRegex(ChartonError, "no chart kind") as caught:
            plan(weather(), x="date", y=["temp_max"])
        self.assertEqual("software", caught.exception.category)

    def test_a_kind_that_needs_y_without_one_is_a_usage_error(self):
        with self.assertRaisesRegex(UsageError, "a line chart needs a numeric column"):
            plan(weather(), kind="line", x="date")


class Columns(unittest.TestCase):
    def test_a_missing_column_names_the_closest_matches(self):
        with self.assertRaises(DataError) as caught:
            plan(weather(), kind="line", x="date", y=["temp"])
        self.assertIn("--y: no column 'temp'", str(caught.exception))
        self.assertIn("temp_max", str(caught.exception))
        self.assertIn("temp_min", str(caught.exception))

    def test_every_column_option_is_checked(self):
        for option in ("x", "color", "facet"):
            with self.subTest(option=option), self.assertRaisesRegex(DataError, "--%s: no column 'wether'" % option):
                plan(weather(), kind="hist", **{"y": ["wind"], option: "wether"})

    def test_non_numeric_values_are_refused_where_numbers_are_drawn(self):
        with self.assertRaisesRegex(UsageError, "'weather' is categorical"):
            plan(weather(), kind="line", x="date", y=["weather"])
        with self.assertRaisesRegex(UsageError, "try --kind bar"):
            plan(weather(), kind="hist", x="weather")

    def test_decimal_and_date_objects_become_numbers_and_times(self):
        import datetime
        import decimal

        frame = pd.DataFrame({"d": [datetime.date(2025, 1, i) for i in (1, 2, 3)],
                              "v": [decimal.Decimal("1.5"), decimal.Decimal("2"), None]})
        result = plan(frame, kind="line", x="d", y=["v"])
        self.assertEqual(("line", grammar.TEMPORAL), (result.kind, result.x_type))


class SeriesAndFacets(unittest.TestCase):
    def test_several_y_columns_are_one_series_each(self):
        result = plan(weather(), kind="line", x="date", y=["temp_max", "temp_min"])
        self.assertEqual(["temp_max", "temp_min"], result.series)
        self.assertEqual(730, len(result.data))
        self.assertIsNone(result.ylabel)

    def test_color_makes_one_series_per_value_in_sorted_order(self):
        result = plan(weather(), kind="scatter", x="temp_min", y=["temp_max"], color="weather")
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], result.series)
        self.assertEqual(set(result.series), set(result.data[SERIES]))
        self.assertEqual("weather", result.legend_title)

    def test_color_with_several_y_columns_names_both(self):
        result = plan(sales(), kind="bar", x="month", y=["units", "revenue"], color="product", agg="sum")
        self.assertIn("units, tea", result.series)
        self.assertEqual(6, len(result.series))

    def test_facet_makes_panels_in_a_grid(self):
        result = plan(sales(), kind="bar", x="month", y=["units"], facet="region")
        self.assertEqual(["East", "North", "South", "West"], result.facets)
        self.assertEqual((2, 2), result.grid())
        panels = dict(result.panels())
        self.assertEqual(12, len(panels["North"]))
        self.assertTrue((panels["North"][FACET] == "North").all())

    def test_too_many_values_to_split_is_an_error(self):
        with self.assertRaisesRegex(UsageError, "--color 'wind' has .* distinct values"):
            plan(weather(), kind="line", x="date", y=["temp_max"], color="wind")

    def test_missing_values_form_their_own_labelled_series(self):
        frame = pd.DataFrame({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "c": ["a", None, "a", "b"]})
        self.assertEqual(["a", "b", "null"], plan(frame, kind="scatter", x="x", y=["y"], color="c").series)


class Aggregation(unittest.TestCase):
    def test_each_aggregation(self):
        frame = pd.DataFrame({"k": ["a", "a", "b"], "v": [1.0, 3.0, 5.0]})
        expected = {"sum": [4, 5], "mean": [2, 5], "count": [2, 1], "min": [1, 5], "max": [3, 5]}
        for agg, values in expected.items():
            with self.subTest(agg=agg):
                result = plan(frame, kind="bar", x="k", y=["v"], agg=agg)
                self.assertEqual(values, result.frame().sort_values(X)[Y].tolist())
                self.assertEqual("count" if agg == "count" else "%s of v" % agg, result.ylabel)

    def test_repeated_bars_add_up_without_agg(self):
        result = plan(sales(), kind="bar", x="region", y=["units"])
        self.assertEqual(4, len(result.data))
        self.assertEqual(sales()["units"].sum(), result.data[Y].sum())

    def test_aggregation_keeps_series_and_panels_apart(self):
        result = plan(sales(), kind="line", x="month", y=["units"], color="product", facet="region", agg="mean")
        self.assertEqual(12 * 3 * 4, len(result.data))

    def test_unknown_aggregation_and_kind_are_usage_errors(self):
        with self.assertRaisesRegex(UsageError, "expected one of sum, mean, count, min, max"):
            plan(weather(), kind="bar", x="weather", y=["wind"], agg="median")
        with self.assertRaisesRegex(UsageError, "expected one of line, scatter, bar, hist, area, box, heatmap"):
            plan(weather(), kind="pie")

    def test_options_that_do_not_apply_are_refused(self):
        with self.assertRaisesRegex(UsageError, "--agg does not apply to a box"):
            plan(weather(), kind="box", y=["wind"], agg="sum")
        with self.assertRaisesRegex(UsageError, "--bins applies to hist and heatmap charts, not line"):
            plan(weather(), kind="line", x="date", y=["wind"], bins=10)

    def test_lines_are_drawn_in_x_order(self):
        frame = pd.DataFrame({"t": pd.to_datetime(["2025-01-03", "2025-01-01", "2025-01-02"]), "v": [3, 1, 2]})
        self.assertEqual([1, 2, 3], plan(frame, kind="line", x="t", y=["v"]).data[Y].tolist())


class Histograms(unittest.TestCase):
    def test_bins_count_every_value_once(self):
        result = plan(weather(), kind="hist", y=["temp_max"], bins=12)
        self.assertEqual(13, len(result.edges))
        self.assertEqual(365, result.data[Y].sum())
        self.assertEqual(("temp_max", "count"), (result.xlabel, result.ylabel))

    def test_series_share_the_same_edges(self):
        result = plan(weather(), kind="hist", y=["temp_max"], color="weather", bins=8)
        self.assertEqual(9, len(result.edges))
        self.assertEqual(365, result.data[Y].sum())
        self.assertTrue((result.data[Y] > 0).all(), "only bins with data are kept")
        self.assertTrue(set(result.data[grammar.START]) <= set(result.edges[:-1]))

    def test_automatic_bins_are_bounded(self):
        frame = pd.DataFrame({"v": np.r_[np.zeros(10_000), np.arange(1_000) * 1e6]})
        self.assertLessEqual(len(plan(frame, kind="hist", y=["v"]).edges), grammar.MAX_AUTO_BINS + 1)


class Heatmaps(unittest.TestCase):
    def test_color_is_the_aggregated_cell_value(self):
        result = plan(sales(), kind="heatmap", x="month", y=["region"], color="revenue", agg="sum")
        self.assertEqual(48, len(result.data))
        self.assertAlmostEqual(sales()["revenue"].sum(), result.data[VALUE].sum(), places=3)
        self.assertEqual("sum of revenue", result.value_label)
        matrix = result.matrix(result.data, VALUE)
        self.assertEqual((4, 12), matrix.shape)

    def test_many_numbers_are_binned_into_round_intervals(self):
        result = plan(weather(), kind="heatmap", x="weather", y=["wind"])
        self.assertEqual("0 to 1", result.y_order[0])
        self.assertLessEqual(len(result.y_order), 12)

    def test_a_value_aggregation_needs_a_value(self):
        with self.assertRaisesRegex(UsageError, "name its column with --color"):
            plan(sales(), kind="heatmap", x="month", y=["region"], agg="mean")


class ScalesAndTime(unittest.TestCase):
    def test_log_x_needs_numbers(self):
        with self.assertRaisesRegex(UsageError, "--log-x needs a numeric x axis"):
            plan(weather(), kind="bar", x="weather", y=["wind"], log_x=True)
        self.assertTrue(plan(weather(), kind="scatter", x="temp_min", y=["wind"], log_x=True).spec.log_x)

    def test_a_tz_aware_x_keeps_its_zone_and_names_it(self):
        times = pd.date_range("2025-03-30 00:00", periods=6, freq="h", tz="Europe/Paris")
        result = plan(pd.DataFrame({"t": times, "v": range(6)}), kind="line", x="t", y=["v"])
        self.assertEqual("Europe/Paris", result.timezone)
        self.assertEqual("t (Europe/Paris)", result.xlabel)
        wall = grammar.wall_clock(result.frame()[X])
        self.assertEqual("2025-03-30 03:00:00", str(wall.iloc[2]))  # after the spring-forward gap

    def test_labels_given_on_the_command_line_win(self):
        result = plan(weather(), kind="line", x="date", y=["wind"], xlabel="Day", ylabel="", title="Wind")
        self.assertEqual(("Day", "", "Wind"), (result.xlabel, result.ylabel, result.title))


if __name__ == "__main__":
    unittest.main()
