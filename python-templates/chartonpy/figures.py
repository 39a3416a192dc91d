"""Saving a figure: whatever a renderer, script or plugin made, as the bytes of one file format.

Figures come in three families, each with its own formats and its own exporter: matplotlib
(seaborn draws on it), altair and plotly. A script or plugin may also hand over finished bytes.
"""
import contextlib
import importlib
import sys
from dataclasses import dataclass, field

from . import packages
from .errors import UnavailableError, UsageError

MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "json": "application/json",
    "html": "text/html",
}


@dataclass(frozen=True)
class Family:
    name: str
    exporter: str  # module with export(figure, fmt, spec) -> bytes
    formats: tuple
    needs: dict = field(default_factory=dict)  # format -> the extra pip package that writes it

    def unavailable_formats(self):
        """{format: package} for the formats whose extra package is not installed."""
        missing = set(packages.missing(sorted(set(self.needs.values()))))
        return {fmt: package for fmt, package in self.needs.items() if package in missing}


FAMILIES = {
    "matplotlib": Family("matplotlib", "chartonpy.renderers.matplotlib_renderer", ("png", "svg", "pdf", "jpg")),
    "altair": Family("altair", "chartonpy.renderers.altair_renderer", ("json", "html", "svg", "png", "pdf"),
                     {"svg": "vl-convert-python", "png": "vl-convert-python", "pdf": "vl-convert-python"}),
    "plotly": Family("plotly", "chartonpy.renderers.plotly_renderer", ("html", "json", "png", "svg", "pdf"),
                     {"png": "kaleido", "svg": "kaleido", "pdf": "kaleido"}),
}


def scripts_from_cdn(spec):
    """Whether an HTML figure loads its JavaScript libraries from a CDN (--html-cdn) rather than carrying them."""
    return spec.raw.get("html_scripts") == "cdn"


def check_format(family, fmt, who):
    """UsageError for a format the family cannot write; UnavailableError when its package is missing."""
    if fmt not in family.formats:
        raise UsageError("%s cannot write %s; its formats are %s" % (who, fmt, ", ".join(family.formats)))
    package = family.unavailable_formats().get(fmt)
    if package:
        raise UnavailableError("%s writes %s through %s, which is not installed; install it with: %s"
                               % (who, fmt, package, packages.install_hint([package])))


def export(figure, fmt, spec, who):
    """(bytes, media type) of ``figure`` in ``fmt``. ``who`` names the figure's maker in errors."""
    if isinstance(figure, str):
        figure = figure.encode("utf-8")
    if isinstance(figure, (bytes, bytearray, memoryview)):
        return bytes(figure), MEDIA_TYPES[fmt]
    if figure is None:
        figure = current_matplotlib_figure()
        if figure is None:
            raise UsageError("%s made no figure: assign it to fig or chart, return it from render(), "
                             "or draw it with matplotlib" % who)
    family, figure = family_of(figure, who)
    check_format(family, fmt, who)
    return importlib.import_module(family.exporter).export(figure, fmt, spec), MEDIA_TYPES[fmt]


def family_of(figure, who):
    """(Family, the figure itself): a matplotlib Axes or seaborn grid stands for its Figure."""
    if "matplotlib" in sys.modules:
        from matplotlib.figure import Figure

        owner = figure if isinstance(figure, Figure) else getattr(figure, "figure", None)
        if isinstance(owner, Figure):
            return FAMILIES["matplotlib"], owner
    if "altair" in sys.modules and isinstance(figure, sys.modules["altair"].TopLevelMixin):
        return FAMILIES["altair"], figure
    if "plotly" in sys.modules:
        from plotly.basedatatypes import BaseFigure

        if isinstance(figure, BaseFigure):
            return FAMILIES["plotly"], figure
    raise UsageError("%s produced a %s.%s, which charton cannot save: expected a matplotlib Figure, "
                     "an altair Chart, a plotly Figure or bytes"
                     % (who, type(figure).__module__, type(figure).__qualname__))


def current_matplotlib_figure():
    if "matplotlib.pyplot" not in sys.modules:
        return None
    plt = sys.modules["matplotlib.pyplot"]
    return plt.gcf() if plt.get_fignums() else None


@contextlib.contextmanager
def user_figures(spec):
    """Runs user code with the requested figure size as matplotlib's default, and forgets its figures."""
    if packages.missing(["matplotlib"]):
        yield
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sized = None not in (spec.width, spec.height, spec.dpi)  # charton always sends them; a bare request may not
    size = {"figure.figsize": (spec.width / spec.dpi, spec.height / spec.dpi), "figure.dpi": spec.dpi} if sized else {}
    try:
        with matplotlib.rc_context(size):
            yield
    finally:
        plt.close("all")
