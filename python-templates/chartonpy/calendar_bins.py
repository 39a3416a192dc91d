"""Time heatmap axes binned on calendar boundaries in UTC: the finest step a person counts in (1, 2 or
5 times a power of ten nanoseconds below a second; 1, 2, 5, 10, 15, 30 seconds or minutes; 1, 2, 3,
6, 12 hours; a day; a week from Monday; 1, 2, 3, 6 months; 1, 2, 5, 10, 20, 50 ... years) that cuts
the values' range into at most ``count`` intervals, each closed on the left. Java's CalendarStep and
CalendarCells take the same steps in the same order, so every path bins alike; the labels are made
here, for every path (bin_labels.calendar_labels).

Values are whole numbers of their unit since the epoch (``nanos_per_unit`` nanoseconds each), as
pandas holds them; a step finer than that unit is skipped.
"""
import datetime

import numpy as np

from .bin_labels import calendar_labels

_DAY = 86_400 * 10 ** 9
FIXED_NANOS = {"nanosecond": 1, "second": 10 ** 9, "minute": 60 * 10 ** 9, "hour": 3_600 * 10 ** 9,
               "day": _DAY, "week": 7 * _DAY}
# 1970-01-01 was a Thursday: weeks start 3 days before the epoch's multiples of 7 days.
_MONDAY_NANOS = -3 * _DAY
_EPOCH = datetime.datetime(1970, 1, 1)
_INT64_MIN, _INT64_MAX = -2 ** 63, 2 ** 63 - 1
_UNIT_NANOS = {"s": 10 ** 9, "ms": 10 ** 6, "us": 10 ** 3, "ns": 1}


def _finer_than_a_year():
    steps = [("nanosecond", factor * 10 ** power) for power in range(9) for factor in (1, 2, 5)]
    steps += [("second", n) for n in (1, 2, 5, 10, 15, 30)]
    steps += [("minute", n) for n in (1, 2, 5, 10, 15, 30)]
    steps += [("hour", n) for n in (1, 2, 3, 6, 12)]
    return steps + [("day", 1), ("week", 1)] + [("month", n) for n in (1, 2, 3, 6)]


_FINER_THAN_A_YEAR = _finer_than_a_year()


def _steps():
    yield from _FINER_THAN_A_YEAR
    power = 1
    while True:
        for factor in (1, 2, 5):
            yield "year", factor * power
        power *= 10


def _fits(unit, multiple, nanos_per_unit):
    return unit not in FIXED_NANOS or FIXED_NANOS[unit] * multiple % nanos_per_unit == 0


def _index(value, unit, multiple, nanos_per_unit):
    if unit in FIXED_NANOS:
        offset = _MONDAY_NANOS // nanos_per_unit if unit == "week" else 0
        return (value - offset) // (FIXED_NANOS[unit] * multiple // nanos_per_unit)
    day = _EPOCH + datetime.timedelta(days=value // (10 ** 9 // nanos_per_unit) // 86_400)
    units = day.year * 12 + day.month - 1 if unit == "month" else day.year
    return units // multiple


def _start(index, unit, multiple, nanos_per_unit):
    """Where interval ``index`` starts; past the range of int64 (beyond 2262 in nanoseconds), its end."""
    if unit in FIXED_NANOS:
        offset = _MONDAY_NANOS // nanos_per_unit if unit == "week" else 0
        start = index * (FIXED_NANOS[unit] * multiple // nanos_per_unit) + offset
    else:
        units = index * multiple
        first = datetime.datetime(units // 12, units % 12 + 1, 1) if unit == "month" else datetime.datetime(units, 1, 1)
        start = (first - _EPOCH) // datetime.timedelta(seconds=1) * (10 ** 9 // nanos_per_unit)
    return min(max(start, _INT64_MIN), _INT64_MAX)


def calendar_edges(least, greatest, nanos_per_unit, count):
    """(the step as {"unit", "multiple", "nanos_per_unit"}, the edges) for values from ``least`` to
    ``greatest`` (least < greatest)."""
    for unit, multiple in _steps():
        if not _fits(unit, multiple, nanos_per_unit):
            continue
        first = _index(least, unit, multiple, nanos_per_unit)
        last = _index(greatest, unit, multiple, nanos_per_unit)
        if last - first + 1 <= count:
            edges = [_start(first + i, unit, multiple, nanos_per_unit) for i in range(last - first + 2)]
            return {"unit": unit, "multiple": multiple, "nanos_per_unit": nanos_per_unit}, edges


def cut(values, count, time_of_day=False):
    """(each row's interval index, NaN for none; the intervals' labels) of a pandas time Series
    (``time_of_day``: times of day on 1970-01-01, labelled without the date)."""
    nanos_per_unit = _UNIT_NANOS[values.dt.unit]
    valid = values.notna().to_numpy()
    stamps = values.array.asi8
    present = stamps[valid]
    calendar, edges = calendar_edges(int(present.min()), int(present.max()), nanos_per_unit, count)
    if time_of_day:
        calendar["time_of_day"] = True
    index = np.full(len(stamps), np.nan)
    index[valid] = np.searchsorted(np.asarray(edges, dtype=np.int64), present, side="right") - 1
    return index, calendar_labels(edges, calendar)
