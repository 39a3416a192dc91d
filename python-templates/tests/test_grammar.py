"""The chart grammar (chartonpy.grammar): kind inference, series, facets, aggregation, bins, errors."""
import unittest

import numpy as np
import pandas as pd

from chartdata import sales, spec, weather
from chartonpy import grammar
from chartonpy.errors import DataError, UsageError
from chartonpy.grammar import FACET, SERIES, VALUE, X, Y


def plan(frame, **options):
    return grammar.plan(frame, spec(**options))


class KindInference(unittest.TestCase):
    def test_temporal_x_with_numeric_y_is_a_line(self):
        self.assertEqual("line", plan(weather(), x="date", y=["temp_max"]).kind)

    def test_numeric_x_and_y_is_a_scatter(self):
        self.assertEqual("scatter", plan(weather(), x="temp_min", y=["temp_max"]).kind)

    def test_categorical_x_with_numeric_y_is_a_bar(self):
        result = plan(weather(), x="weather", y=["precipitation"])
        self.assertEqual("bar", result.kind)
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], result.x_order)

    def test_a_single_numeric_column_is_a_histogram(self):
        self.assertEqual("hist", plan(weather(), y=["wind"]).kind)
        self.assertEqual("hist", plan(weather(), x="wind").kind)
        self.assertEqual("hist", plan(weather()[["wind", "weather"]]).kind)

    def test_a_single_categorical_column_counts_rows_per_value(self):
        result = plan(weather(), x="weather")
        self.assertEqual("bar", result.kind)
        self.assertEqual(365, result.data[Y].sum())
        self.assertEqual("count", result.ylabel)

    def test_two_categorical_columns_make_a_heatmap_of_counts(self):
        result = plan(sales(), x="region", y=["product"])
        self.assertEqual("heatmap", result.kind)
        self.assertTrue((result.data[VALUE] == 12).all())

    def test_without_columns_a_date_column_makes_a_time_series(self):
        result = plan(weather())
        self.assertEqual(("line", "date", "temp_max"), (result.kind, result.xlabel, result.ylabel))

    def test_the_rules_themselves(self):
        T, N, C = grammar.TEMPORAL, grammar.NUMERIC, grammar.CATEGORICAL
        self.assertEqual("line", grammar.infer_kind(T, [N, N]))
        self.assertEqual("line", grammar.infer_kind(None, [N, N]))
        self.assertEqual("bar", grammar.infer_kind(T, []))
        with self.assertRaisesRegex(UsageError, "give --kind"):
            grammar.infer_kind(N, [C])


class Columns(unittest.TestCase):
    def test_a_missing_column_names_the_closest_matches(self):
        with self.assertRaises(DataError) as caught:
            plan(weather(), x="date", y=["temp"])
        self.assertIn("--y: no column 'temp'", str(caught.exception))
        self.assertIn("temp_max", str(caught.exception))
        self.assertIn("temp_min", str(caught.exception))

    def test_every_column_option_is_checked(self):
        for option in ("x", "color", "facet"):
            with self.subTest(option=option), self.assertRaisesRegex(DataError, "--%s: no column 'wether'" % option):
                plan(weather(), **{"y": ["wind"], option: "wether"})

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
        result = plan(frame, x="d", y=["v"])
        self.assertEqual(("line", grammar.TEMPORAL), (result.kind, result.x_type))


class SeriesAndFacets(unittest.TestCase):
    def test_several_y_columns_are_one_series_each(self):
        result = plan(weather(), x="date", y=["temp_max", "temp_min"])
        self.assertEqual(["temp_max", "temp_min"], result.series)
        self.assertEqual(730, len(result.data))
        self.assertIsNone(result.ylabel)

    def test_color_makes_one_series_per_value_in_sorted_order(self):
        result = plan(weather(), x="temp_min", y=["temp_max"], color="weather")
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], result.series)
        self.assertEqual(set(result.series), set(result.data[SERIES]))
        self.assertEqual("weather", result.legend_title)

    def test_color_with_several_y_columns_names_both(self):
        result = plan(sales(), x="month", y=["units", "revenue"], color="product", agg="sum")
        self.assertIn("units, tea", result.series)
        self.assertEqual(6, len(result.series))

    def test_facet_makes_panels_in_a_grid(self):
        result = plan(sales(), x="month", y=["units"], facet="region")
        self.assertEqual(["East", "North", "South", "West"], result.facets)
        self.assertEqual((2, 2), result.grid())
        panels = dict(result.panels())
        self.assertEqual(12, len(panels["North"]))
        self.assertTrue((panels["North"][FACET] == "North").all())

    def test_too_many_values_to_split_is_an_error(self):
        with self.assertRaisesRegex(UsageError, "--color 'wind' has .* distinct values"):
            plan(weather(), x="date", y=["temp_max"], color="wind")

    def test_missing_values_form_their_own_labelled_series(self):
        frame = pd.DataFrame({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "c": ["a", None, "a", "b"]})
        self.assertEqual(["a", "b", "null"], plan(frame, x="x", y=["y"], color="c").series)


class Aggregation(unittest.TestCase):
    def test_each_aggregation(self):
        frame = pd.DataFrame({"k": ["a", "a", "b"], "v": [1.0, 3.0, 5.0]})
        expected = {"sum": [4, 5], "mean": [2, 5], "count": [2, 1], "min": [1, 5], "max": [3, 5]}
        for agg, values in expected.items():
            with self.subTest(agg=agg):
                result = plan(frame, x="k", y=["v"], agg=agg)
                self.assertEqual(values, result.data.sort_values(X)[Y].tolist())
                self.assertEqual("count" if agg == "count" else "%s of v" % agg, result.ylabel)

    def test_repeated_bars_add_up_without_agg(self):
        result = plan(sales(), x="region", y=["units"])
        self.assertEqual(4, len(result.data))
        self.assertEqual(sales()["units"].sum(), result.data[Y].sum())

    def test_aggregation_keeps_series_and_panels_apart(self):
        result = plan(sales(), x="month", y=["units"], color="product", facet="region", agg="mean")
        self.assertEqual(12 * 3 * 4, len(result.data))

    def test_unknown_aggregation_and_kind_are_usage_errors(self):
        with self.assertRaisesRegex(UsageError, "expected one of sum, mean, count, min, max"):
            plan(weather(), x="weather", y=["wind"], agg="median")
        with self.assertRaisesRegex(UsageError, "expected one of line, scatter, bar, hist, area, box, heatmap"):
            plan(weather(), kind="pie")

    def test_options_that_do_not_apply_are_refused(self):
        with self.assertRaisesRegex(UsageError, "--agg does not apply to a box"):
            plan(weather(), kind="box", y=["wind"], agg="sum")
        with self.assertRaisesRegex(UsageError, "--bins applies to hist and heatmap charts, not line"):
            plan(weather(), x="date", y=["wind"], bins=10)

    def test_lines_are_drawn_in_x_order(self):
        frame = pd.DataFrame({"t": pd.to_datetime(["2025-01-03", "2025-01-01", "2025-01-02"]), "v": [3, 1, 2]})
        self.assertEqual([1, 2, 3], plan(frame, x="t", y=["v"]).data[Y].tolist())


class Histograms(unittest.TestCase):
    def test_bins_count_every_value_once(self):
        result = plan(weather(), kind="hist", y=["temp_max"], bins=12)
        self.assertEqual(13, len(result.edges))
        self.assertEqual(365, result.data[Y].sum())
        self.assertEqual(("temp_max", "count"), (result.xlabel, result.ylabel))

    def test_series_share_the_same_edges(self):
        result = plan(weather(), kind="hist", y=["temp_max"], color="weather", bins=8)
        self.assertEqual(5 * 8, len(result.data))
        self.assertEqual(365, result.data[Y].sum())

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
            plan(weather(), x="weather", y=["wind"], log_x=True)
        self.assertTrue(plan(weather(), x="temp_min", y=["wind"], log_x=True).spec.log_x)

    def test_a_tz_aware_x_keeps_its_zone_and_names_it(self):
        times = pd.date_range("2025-03-30 00:00", periods=6, freq="h", tz="Europe/Paris")
        result = plan(pd.DataFrame({"t": times, "v": range(6)}), x="t", y=["v"])
        self.assertEqual("Europe/Paris", result.timezone)
        self.assertEqual("t (Europe/Paris)", result.xlabel)
        wall = grammar.wall_clock(result.data[X])
        self.assertEqual("2025-03-30 03:00:00", str(wall.iloc[2]))  # after the spring-forward gap

    def test_labels_given_on_the_command_line_win(self):
        result = plan(weather(), x="date", y=["wind"], xlabel="Day", ylabel="", title="Wind")
        self.assertEqual(("Day", "", "Wind"), (result.xlabel, result.ylabel, result.title))


if __name__ == "__main__":
    unittest.main()
