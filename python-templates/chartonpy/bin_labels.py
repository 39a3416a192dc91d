"""Labels of a binned heatmap axis, as a person would write them.

Numbers: the edges with as few decimals as they need (``0.1 to 0.2``, never ``0.30000000000000004``),
grouped in thousands when large (``10,000 to 20,000``, never ``1e+04``). Times: the intervals are
closed on the right, so each is labelled by the first and last day it holds (``2025-01-01 to
2025-02-06``); intervals shorter than a day show their edges to the minute (``2025-03-01 00:10-00:20``).
"""
import datetime
import math

# Edges at least this large are written with thousands separators (years such as 2020 are not).
_GROUPED_FROM = 10_000


def interval_labels(edges, temporal=False, zone=None):
    """Labels of the intervals between consecutive ``edges`` (numbers, or for a temporal axis epoch
    nanoseconds, shown in ``zone``)."""
    if temporal:
        return _time_labels([_time_of(int(edge), zone) for edge in edges])
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


def _time_labels(edges):
    """Each interval (low, high] by the days it holds, when every interval holds a whole day."""
    days = [(low.date() + datetime.timedelta(days=1), high.date()) for low, high in zip(edges[:-1], edges[1:])]
    if all(first <= last for first, last in days):
        return [first.isoformat() if first == last else "%s to %s" % (first, last) for first, last in days]
    pattern = "%H:%M" if len({t.strftime("%Y-%m-%d %H:%M") for t in edges}) == len(edges) else "%H:%M:%S"
    return [_time_span(low, high, pattern) for low, high in zip(edges[:-1], edges[1:])]


def _time_span(low, high, pattern):
    """``2025-03-01 00:10-00:20`` within a day, else both edges in full."""
    if low.date() == high.date():
        return "%s %s-%s" % (low.date(), low.strftime(pattern), high.strftime(pattern))
    return "%s %s to %s %s" % (low.date(), low.strftime(pattern), high.date(), high.strftime(pattern))


def _time_of(nanos, zone):
    seconds, rest = divmod(nanos, 10 ** 9)
    utc = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc) + datetime.timedelta(microseconds=rest // 1000)
    if zone is None:
        return utc.replace(tzinfo=None)
    import zoneinfo

    return utc.astimezone(zoneinfo.ZoneInfo(zone))
