"""Labels of a binned heatmap axis, as a person would write them.

Numbers: the edges with as few decimals as they need (``0.1 to 0.2``, never ``0.30000000000000004``),
grouped in thousands when large (``10,000 to 20,000``, never ``1e+04``). Times (binned on calendar
steps, calendar_bins): each interval in its step's own form: ``2012``, ``2010 to 2019``, ``Mar 2012``,
``Q1 2012``, ``week of 2012-03-05``, ``2012-03-05``, ``2012-03-05 14:00``, ``2012-03-05 14:00-16:00``,
``2012-03-05 14:00:05.250``.
"""
import datetime
import math

from .clock import clock_of

# Edges at least this large are written with thousands separators (years such as 2020 are not).
_GROUPED_FROM = 10_000


def interval_labels(edges):
    """Labels of the intervals between consecutive number ``edges``."""
    return _number_labels([float(edge) for edge in edges])


def _number_labels(edges):
    decimals = _decimals(edges)
    grouped = max(abs(edge) for edge in edges) >= _GROUPED_FROM
    text = [_number(edge, decimals, grouped) for edge in edges]
    return ["%s to %s" % pair for pair in zip(text[:-1], text[1:])]


def _decimals(edges):
    """The fewest decimals that write every edge to within a millionth of the narrowest interval."""
    width = min(high - low for low, high in zip(edges[:-1], edges[1:]))
    tolerance = width * 1e-6 if width > 0 and math.isfinite(width) else 0.0
    for decimals in range(16):
        if all(abs(round(edge, decimals) - edge) <= tolerance for edge in edges):
            return decimals
    return 15


def _number(value, decimals, grouped):
    rounded = round(value, decimals)
    if rounded == 0:
        rounded = 0.0  # never "-0"
    text = format(rounded, "%s.%df" % ("," if grouped else "", decimals))
    return text.rstrip("0").rstrip(".") if "." in text else text  # 2.5 to 5, not 2.5 to 5.0


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Below a second: the digits of milliseconds, microseconds or nanoseconds, whichever the step needs.
_FRACTION_DIGITS = ((10 ** 6, 3), (10 ** 3, 6), (1, 9))


def calendar_labels(edges, calendar):
    """Labels of the intervals [edge, next edge) of a time axis binned on calendar steps
    (calendar_bins): edges in units of ``calendar["nanos_per_unit"]`` nanoseconds since the epoch,
    shown in UTC; times of day (``calendar["time_of_day"]``) without the date."""
    unit, multiple = calendar["unit"], int(calendar["multiple"])
    nanos = [int(edge) * int(calendar["nanos_per_unit"]) for edge in edges]
    dated = not calendar.get("time_of_day")
    return [_calendar_label(low, high, unit, multiple, dated) for low, high in zip(nanos[:-1], nanos[1:])]


def _calendar_label(low, high, unit, multiple, dated=True):
    start = _utc(low)
    if unit == "year":
        return str(start.year) if multiple == 1 else "%d to %d" % (start.year, start.year + multiple - 1)
    if unit == "month":
        return _months(start, multiple)
    if unit == "week":
        return "week of %s" % start.date()
    if unit == "day":
        return str(start.date())
    pattern, digits = {"hour": ("%H:%M", 0), "minute": ("%H:%M", 0), "second": ("%H:%M:%S", 0)}.get(unit, ("%H:%M:%S", None))
    if digits is None:
        digits = next(d for size, d in _FRACTION_DIGITS if multiple >= size)
        single = multiple == 10 ** (9 - digits)
    else:
        single = multiple == 1
    first = "%s %s" % (start.date(), clock_of(low, pattern, digits)) if dated else clock_of(low, pattern, digits)
    if single:
        return first
    end = clock_of(high, pattern, digits)
    if _utc(high).date() != start.date():
        end = "24" + end[2:]  # the interval ends at the next midnight
    return "%s-%s" % (first, end)


def _months(start, multiple):
    if multiple == 1:
        return "%s %d" % (_MONTHS[start.month - 1], start.year)
    if multiple == 3:
        return "Q%d %d" % ((start.month - 1) // 3 + 1, start.year)
    if multiple == 6:
        return "H%d %d" % ((start.month - 1) // 6 + 1, start.year)
    return "%s to %s %d" % (_MONTHS[start.month - 1], _MONTHS[start.month + multiple - 2], start.year)


def _utc(nanos):
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=nanos // 10 ** 9)
