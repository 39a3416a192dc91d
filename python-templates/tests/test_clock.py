"""Times of day (Arrow time32/time64) are a continuous time axis from 00:00 to 24:00: read as counts of
their unit since midnight, drawn spaced by time, labelled as clock times (never 1970-01-01)."""
import datetime
import json
import unittest

import numpy as np
import pandas as pd
import pyarrow as pa

from chartdata import spec, table
from chartonpy import clock, grammar, reduced, renderers
from chartonpy.arrow_numpy import to_numpy
from chartonpy.bin_labels import calendar_labels
from chartonpy.labels import CATEGORICAL, TEMPORAL, column_type, labels
from test_bin_labels import svg_tick_labels

SECONDS = [0, 60, 120, 43_200, None]  # 00:00, 00:01, 00:02, 12:00 and a null
UNITS = {"s": 1, "ms": 10 ** 3, "us": 10 ** 6, "ns": 10 ** 9}


def time_array(unit):
    kind = pa.time32(unit) if unit in ("s", "ms") else pa.time64(unit)
    return pa.array([None if s is None else s * UNITS[unit] for s in SECONDS], kind)


def clock_frame():
    """The defect's four rows: uneven times of day, y counting up."""
    times = [datetime.time(0, 0), datetime.time(0, 1), datetime.time(0, 2), datetime.time(12, 0)]
    return pd.DataFrame({"x": pd.Series(times, dtype=object), "y": [0, 1, 2, 3]})


class ReadAsTimes(unittest.TestCase):
    def test_every_time_type_is_temporal(self):
        for unit in UNITS:
            with self.subTest(unit=unit):
                self.assertEqual(TEMPORAL, column_type(time_array(unit)))
                self.assertTrue(clock.is_time_of_day(time_array(unit)))
        self.assertEqual(CATEGORICAL, column_type(pa.array([1, 2], pa.duration("s"))))

    def test_a_pandas_column_of_times_is_temporal(self):
        values = clock.from_objects(clock_frame()["x"])
        self.assertEqual(TEMPORAL, column_type(values))
        self.assertTrue(clock.is_time_of_day(values))

    def test_values_are_their_unit_since_midnight_on_the_epochs_day_and_nulls_are_nat(self):
        expected = np.array(["1970-01-01T00:00", "1970-01-01T00:01", "1970-01-01T00:02", "1970-01-01T12:00"],
                            dtype="datetime64[ns]")
        for unit, storage in (("s", np.int32), ("ms", np.int32), ("us", np.int64), ("ns", np.int64)):
            with self.subTest(unit=unit):
                array = time_array(unit)
                values = to_numpy(array)
                self.assertEqual(np.dtype("datetime64[%s]" % unit), values.dtype)
                np.testing.assert_array_equal(expected, values[:4].astype("datetime64[ns]"))
                self.assertTrue(np.isnat(values[4]))
                raw = np.frombuffer(array.buffers()[1], dtype=storage, count=len(array))
                self.assertEqual(43_200 * UNITS[unit], int(raw[3]))

    def test_an_offset_slice_reads_its_own_values(self):
        values = to_numpy(time_array("ms").slice(2, 2))
        self.assertEqual(["1970-01-01T00:02:00.000", "1970-01-01T12:00:00.000"], [str(v) for v in values])


class ClockLabels(unittest.TestCase):
    def test_categories_of_times_are_clock_times_as_fine_as_they_need(self):
        self.assertEqual(["00:00", "00:01", "00:02", "12:00", "null"], labels(time_array("s"))[1])
        seconds = pa.array([5, 60], pa.time32("s"))
        self.assertEqual(["00:00:05", "00:01:00"], labels(seconds)[1])
        nanos = pa.array([1_500_000, 2_000_000], pa.time64("ns"))  # 1.5 ms, 2 ms: microseconds kept
        self.assertEqual(["00:00:00.001500", "00:00:00.002000"], labels(nanos)[1])

    def test_the_next_midnight_is_24_00(self):
        self.assertEqual("24:00", clock.text(clock.NANOS_PER_DAY, clock.pattern([0, clock.NANOS_PER_DAY])))
        self.assertEqual("23:59:59.999", clock.text(clock.NANOS_PER_DAY - 10 ** 6, ("%H:%M:%S", 3)))

    def test_binned_times_of_day_have_no_date(self):
        hour = 3_600 * 10 ** 6
        calendar = {"unit": "hour", "multiple": 2, "nanos_per_unit": 1000, "time_of_day": True}
        self.assertEqual(["20:00-22:00", "22:00-24:00"], calendar_labels([20 * hour, 22 * hour, 24 * hour], calendar))
        del calendar["time_of_day"]
        self.assertEqual("1970-01-01 20:00-22:00", calendar_labels([20 * hour, 22 * hour], calendar)[0])


class DrawnSpacedByTime(unittest.TestCase):
    options = {"kind": "line", "x": "x", "y": ["y"]}

    def test_both_paths_plan_a_continuous_time_axis(self):
        frame = clock_frame()
        full = grammar.plan(frame, spec(**self.options))
        arrow = pa.table({"x": pa.array([0, 60, 120, 43_200], pa.time32("s")), "y": pa.array([0.0, 1, 2, 3])})
        statistic = reduced.plan(arrow, spec(**self.options, reduced={"stat": "points", "method": "m4", "pixels": 800}))
        for plan in (full, statistic):
            self.assertEqual(TEMPORAL, plan.x_type)
            self.assertTrue(plan.time_of_day)
            self.assertIsNone(plan.x_order)
            minutes = (plan.data["x"].astype("datetime64[m]") - np.datetime64("1970-01-01T00:00")).astype(int)
            self.assertEqual([0, 1, 2, 720], minutes.tolist())

    def test_matplotlib_ticks_are_clock_times(self):
        svg = renderers.load("matplotlib").render(table(clock_frame()), spec(**self.options), "svg")[0]
        ticks = svg_tick_labels(svg, "x")
        self.assertIn("12:00", ticks)
        self.assertTrue(all(len(t) == 5 and t[2] == ":" for t in ticks), ticks)

    def test_altair_encodes_a_temporal_x_with_clock_labels(self):
        chart = json.loads(renderers.load("altair").render(table(clock_frame()), spec(**self.options), "json")[0])
        x = chart["encoding"]["x"]
        self.assertEqual("temporal", x["type"])
        self.assertNotIn("sort", x)
        self.assertEqual("%H:%M", x["axis"]["format"]["hours"])
        rows = next(iter(chart["datasets"].values()))
        self.assertEqual(["1970-01-01T00:00:00", "1970-01-01T00:01:00", "1970-01-01T00:02:00", "1970-01-01T12:00:00"],
                         [row["x"] for row in rows])

    def test_plotly_gets_times_on_a_date_axis_with_clock_labels(self):
        figure = json.loads(renderers.load("plotly").render(table(clock_frame()), spec(**self.options), "json")[0])
        self.assertEqual(["1970-01-01T00:00:00", "1970-01-01T00:01:00", "1970-01-01T00:02:00", "1970-01-01T12:00:00"],
                         [v[:19] for v in figure["data"][0]["x"]])
        self.assertNotEqual("category", figure["layout"]["xaxis"].get("type"))
        self.assertEqual("%H:%M", figure["layout"]["xaxis"]["tickformatstops"][-1]["value"])


if __name__ == "__main__":
    unittest.main()
