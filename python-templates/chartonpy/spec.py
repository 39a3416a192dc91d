"""The chart spec as it arrives from charton's command line: plain JSON data."""


class ChartSpec:
    """Read-only view of the request's "spec" object with charton's defaults applied."""

    def __init__(self, data):
        self.kind = data.get("kind")
        self.x = data.get("x")
        self.y = list(data.get("y") or [])
        self.title = data.get("title")
        self.width = int(data.get("width") or 800)
        self.height = int(data.get("height") or 600)
        self.dpi = int(data.get("dpi") or 100)
        self.raw = data
