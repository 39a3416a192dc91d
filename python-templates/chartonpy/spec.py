"""The chart spec as it arrives from charton's command line: plain JSON data, never source code."""
from datetime import datetime


class ChartSpec:
    """Read-only view of the request's "spec" object. charton's Java side fills in every default
    (the figure size among them), so none is repeated here: what the request lacks is None.

    Template plugins receive this object as their ``spec`` argument, so its attribute names are
    part of charton's public interface (see the README).
    """

    def __init__(self, data):
        data = dict(data or {})
        self.kind = data.get("kind")
        self.x = data.get("x")
        self.y = list(data.get("y") or [])
        self.color = data.get("color")
        self.facet = data.get("facet")
        self.title = data.get("title")
        self.xlabel = data.get("xlabel")
        self.ylabel = data.get("ylabel")
        self.width = _number(data, "width")
        self.height = _number(data, "height")
        self.dpi = _number(data, "dpi")
        self.theme = data.get("theme")
        self.log_x = bool(data.get("log_x"))
        self.log_y = bool(data.get("log_y"))
        self.xlim = _limits(data.get("xlim"))  # (low, high): numbers, or naive datetimes (the data's wall clock)
        self.ylim = _limits(data.get("ylim"))
        self.bins = data.get("bins")
        self.agg = data.get("agg")
        self.script = data.get("script")
        self.params = dict(data.get("params") or {})
        self.reduced = data.get("reduced")  # None: every row; else the statistic Java sent (docs/plan.md)
        self.raw = data

    def __repr__(self):
        shown = {k: v for k, v in self.raw.items() if v not in (None, [], {}, False)}
        return "ChartSpec(%r)" % shown


def _number(data, key):
    value = data.get(key)
    return None if value is None else int(value)


def _limits(pair):
    if not pair:
        return None
    return tuple(datetime.fromisoformat(v) if isinstance(v, str) else float(v) for v in pair)
