"""Reduced statistics (docs/plan.md) draw the same chart as every row: for each kind and statistic,
the table Java would send is built here (reduced_tables) from a random frame with series, panels,
nulls, a tz-aware time x and a categorical x; the matplotlib renderer draws it and the full rows
(for points: the full rows restricted to the same points); the decoded PNGs and the Plans' labels
must be the same."""
import unittest

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

import reduced_tables as stats
from chartdata import png_image, spec, table
from chartonpy import grammar, plans, reduced, renderers
from chartonpy.ingest import Table

ZONE = "Europe/Paris"
ROWS = 3000
LABELS = ("kind", "x_type", "x_order", "y_order", "series", "facets", "xlabel", "ylabel", "legend_title",
          "value_label", "timezone", "bar_layout")


def random_frame(rows=ROWS, seed=7):
    rng = np.random.default_rng(seed)

    def with_nulls(values, share=0.03):
        values = pd.Series(values)
        return values.mask(rng.random(rows) < share)

    start = pd.Timestamp("2025-03-29", tz=ZONE)
    return pd.DataFrame({
        "t": start + pd.to_timedelta(np.sort(rng.integers(0, 5 * 86400, rows)), unit="s"),
        "day": start.normalize() + pd.to_timedelta(rng.integers(0, 12, rows), unit="D"),
        "i": rng.integers(0, 400, rows),
        "level": pd.Categorical(with_nulls(rng.choice(["low", "mid", "high"], rows)), categories=["low", "mid", "high"]),
        "v": with_nulls(rng.normal(10, 3, rows).round(2)),
        "w": with_nulls(rng.gamma(2, 2, rows)),
        "group": with_nulls(rng.choice(["b", "a", "c"], rows)),
        "panel": rng.choice(["north", "south"], rows),
    })


def with_times_of_day(frame):
    """``frame`` with a column "clock": the times of day of its "t" in UTC, as datetime.time objects
    (Arrow's time64[us] once read), null where "t" is."""
    utc = frame["t"].dt.tz_convert("UTC")
    times = [None if pd.isna(t) else t.time() for t in utc]
    return frame.assign(clock=pd.Series(times, dtype=object))


class ReducedDrawsTheSameChart(unittest.TestCase):
    frame = random_frame()

    def compare(self, options, arrow, reduced_spec, full=None):
        options = dict(options)
        full_plan = grammar.plan(full if full is not None else self.frame, spec(**options))
        reduced_plan = reduced.plan(arrow, spec(**options, reduced=reduced_spec))
        for name in LABELS:
            self.assertEqual(getattr(full_plan, name), getattr(reduced_plan, name), name)
        drawn_from_rows = self.png(full if full is not None else self.frame, options)
        drawn_from_statistic = self.png(None, options, arrow, reduced_spec)
        self.assertEqual(drawn_from_rows.shape, drawn_from_statistic.shape)
        differing = int(np.any(drawn_from_rows != drawn_from_statistic, axis=2).sum())
        self.assertEqual(0, differing, "pixels differ between the PNG of the rows and of the statistic")
        return reduced_plan

    def png(self, frame, options, arrow=None, reduced_spec=None):
        data = Table(arrow) if arrow is not None else table(frame)
        image = renderers.load("matplotlib").render(data, spec(**options, reduced=reduced_spec), "png")[0]
        return np.asarray(png_image(image).convert("RGBA"))

    def test_hist_of_one_column_by_series_and_panel(self):
        options = {"kind": "hist", "y": ["v"], "color": "group", "facet": "panel"}
        self.compare(options, *stats.bins(self.frame, options))

    def test_hist_of_two_columns(self):
        options = {"kind": "hist", "y": ["v", "w"]}
        self.compare(options, *stats.bins(self.frame, options))

    def test_bar_of_means_by_category_series_and_panel(self):
        options = {"kind": "bar", "x": "level", "y": ["v"], "color": "group", "facet": "panel", "agg": "mean"}
        self.compare(options, *stats.aggregate(self.frame, options, "mean"))

    def test_bar_counting_rows(self):
        options = {"kind": "bar", "x": "level", "color": "group"}
        self.compare(options, *stats.aggregate(self.frame, options, "count"))

    def test_repeated_bars_of_two_columns_add_up(self):
        options = {"kind": "bar", "x": "level", "y": ["v", "w"]}
        self.compare(options, *stats.aggregate(self.frame, options, "sum"))

    def test_stacked_bars_and_areas_over_tz_aware_days(self):
        for kind in ("bar", "area"):
            with self.subTest(kind=kind):
                options = {"kind": kind, "x": "day", "y": ["w"], "color": "group"}
                self.compare(options, *stats.aggregate(self.frame, options, "sum"))

    def test_bars_over_the_row_number_need_no_aggregation(self):
        options = {"kind": "bar", "y": ["v"]}
        frame = self.frame.iloc[:300]
        arrow = pa.table({"x": pa.array(np.arange(len(frame), dtype=np.int64)),
                          "y": pa.array(frame["v"].to_numpy(dtype=float), from_pandas=True)})
        arrow = arrow.filter(pc.is_valid(arrow.column("y")))
        plan = self.compare(options, arrow, {"stat": "aggregate", "rows_read": len(frame), "agg": None}, full=frame)
        self.assertEqual(("row", "v"), (plan.xlabel, plan.ylabel))

    def test_line_of_daily_maxima(self):
        options = {"kind": "line", "x": "day", "y": ["v"], "facet": "panel", "agg": "max"}
        self.compare(options, *stats.aggregate(self.frame, options, "max"))

    def test_heatmap_of_categories(self):
        options = {"kind": "heatmap", "x": "level", "y": ["group"], "facet": "panel"}
        self.compare(options, *stats.cells(self.frame, options))

    def test_heatmap_with_a_binned_number_and_a_value(self):
        options = {"kind": "heatmap", "x": "level", "y": ["v"], "color": "w", "agg": "mean"}
        self.compare(options, *stats.cells(self.frame, options, y_bins=stats.round_bins(10)))

    def test_heatmap_with_binned_tz_aware_times(self):
        # Five days: 3-hour intervals are the finest calendar step giving at most 50 (docs/plan.md).
        options = {"kind": "heatmap", "x": "t", "y": ["level"]}
        plan = self.compare(options, *stats.cells(self.frame, options, x_bins=stats.hour_bins(3)))
        # Midnight in Paris is 23:00 UTC, in the interval from 21:00 UTC, labelled in UTC.
        self.assertEqual("2025-03-28 21:00-24:00", plan.x_order[0])

    def test_box_by_category_series_and_panel(self):
        options = {"kind": "box", "x": "level", "y": ["v"], "color": "group", "facet": "panel"}
        self.compare(options, *stats.box(self.frame, options, 320))

    def test_box_of_two_columns(self):
        options = {"kind": "box", "y": ["v", "w"]}
        self.compare(options, *stats.box(self.frame, options, 320))

    def test_m4_lines_and_areas_over_tz_aware_times(self):
        for kind, extra in (("line", {"color": "group", "facet": "panel"}), ("area", {})):
            with self.subTest(kind=kind):
                options = {"kind": kind, "x": "t", "y": ["v"], **extra}
                arrow, reduced_spec, rows = stats.m4(self.frame, options, 100)
                self.assertLess(len(rows), len(self.frame))
                self.compare(options, arrow, reduced_spec, full=rows)

    def test_m4_lines_over_times_of_day(self):
        frame = with_times_of_day(self.frame)
        options = {"kind": "line", "x": "clock", "y": ["v"], "color": "group"}
        arrow, reduced_spec, rows = stats.m4(frame, options, 100)
        self.assertEqual(pa.time64("us"), arrow.column("x").type)
        plan = self.compare(options, arrow, reduced_spec, full=rows)
        self.assertTrue(plan.time_of_day)

    def test_heatmap_with_binned_times_of_day(self):
        options = {"kind": "heatmap", "x": "clock", "y": ["level"], "bins": 24}  # at most 24 intervals: hours
        frame = with_times_of_day(self.frame)
        plan = self.compare(options, *stats.cells(frame, options, x_bins=stats.hour_bins(1)), full=frame)
        self.assertEqual(["00:00", "01:00", "02:00"], plan.x_order[:3])  # a one-hour bin is named by its hour
        self.assertEqual("23:00", plan.x_order[23])

    def test_scatter_on_a_pixel_grid(self):
        options = {"kind": "scatter", "x": "i", "y": ["w"], "color": "group", "facet": "panel"}
        arrow, reduced_spec, rows = stats.grid(self.frame, options, 40)
        self.assertLess(len(rows), len(self.frame))
        reduced_spec["rows_read"] = len(rows)  # the same marker size as the restricted rows
        self.compare(options, arrow, reduced_spec, full=rows)


class ReducedScatterMarkers(unittest.TestCase):
    def test_marker_size_and_opacity_follow_the_rows_read_not_the_rows_sent(self):
        frame = random_frame(rows=500)
        options = {"kind": "scatter", "x": "i", "y": ["w"]}
        arrow, reduced_spec, _ = stats.grid(frame, options, 40)
        reduced_spec["rows_read"] = 5_000_000
        plan = reduced.plan(arrow, spec(**options, reduced=reduced_spec))
        self.assertEqual(5_000_000, plan.point_count)
        self.assertEqual((1.0, 0.75 * 0.35), (grammar.marker_size(plan.point_count), plans.marker_alpha(plan.point_count)))
        small = grammar.plan(frame, spec(**options)).point_count
        self.assertEqual((4.0, 0.75), (grammar.marker_size(small), plans.marker_alpha(small)))


class ReducedRequestsChecked(unittest.TestCase):
    def test_a_statistic_that_does_not_fit_the_kind_is_an_internal_error(self):
        frame = random_frame(rows=200)
        options = {"kind": "box", "y": ["v"]}
        arrow, reduced_spec = stats.bins(frame, {"kind": "hist", "y": ["v"]})
        with self.assertRaisesRegex(Exception, "'bins' statistic for a box chart") as caught:
            reduced.plan(arrow, spec(**options, reduced=reduced_spec))
        self.assertEqual("software", caught.exception.category)


if __name__ == "__main__":
    unittest.main()


class EveryRendererDrawsBoxStatistics(unittest.TestCase):
    """Boxes are drawn from their statistics by every renderer, the same from the rows as from Java's table."""

    frame = random_frame(rows=1500)
    options = {"kind": "box", "x": "level", "y": ["v"], "color": "group", "facet": "panel"}

    def render(self, renderer, fmt, reduced_spec=None, arrow=None):
        data = Table(arrow) if arrow is not None else table(self.frame)
        return renderers.load(renderer).render(data, spec(**self.options, reduced=reduced_spec), fmt)[0]

    def both(self, renderer, fmt):
        arrow, reduced_spec = stats.box(self.frame, self.options, 320)
        return self.render(renderer, fmt), self.render(renderer, fmt, reduced_spec, arrow)

    def test_seaborn_draws_the_same_png(self):
        from_rows, from_statistic = (np.asarray(png_image(p)) for p in self.both("seaborn", "png"))
        self.assertEqual(0, int(np.any(from_rows != from_statistic, axis=-1).sum()))

    def test_plotly_gets_the_same_precomputed_boxes(self):
        import json

        def boxes(figure):
            traces = json.loads(figure)["data"]
            drawn = sorted((t["name"], t["xaxis"], x, q1, med, q3, lo, hi) for t in traces if t["type"] == "box"
                           for x, q1, med, q3, lo, hi in zip(t["x"], *(_numbers(t[k]) for k in
                                                                      ("q1", "median", "q3", "lowerfence", "upperfence"))))
            outliers = sorted((t["xaxis"], x, y) for t in traces if t["type"] == "scatter"
                              for x, y in zip(t["x"], _numbers(t["y"])))
            return drawn, outliers

        from_rows, from_statistic = (boxes(f) for f in self.both("plotly", "json"))
        self.assertEqual(from_rows, from_statistic)
        self.assertGreater(len(from_rows[0]), 10)
        self.assertGreater(len(from_rows[1]), 0, "the random data has outliers")

    def test_altair_gets_the_same_layers_and_rows(self):
        from chartdata import vega_lite

        (rows_chart, rows), (statistic_chart, statistic_rows) = (vega_lite(f) for f in self.both("altair", "json"))
        self.assertEqual(["rule", "bar", "tick", "circle"], [layer["mark"]["type"] for layer in rows_chart["spec"]["layer"]])
        key = lambda row: sorted((k, str(v)) for k, v in row.items())  # noqa: E731
        self.assertEqual(sorted(map(key, rows)), sorted(map(key, statistic_rows)))
        self.assertTrue(any("flier" in row for row in rows))


def _numbers(values):
    """A plotly JSON array: a list, or numpy's typed-array encoding."""
    if isinstance(values, dict):
        import base64

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)
