"""matplotlib: draws a grammar Plan, and saves any matplotlib figure as PNG, SVG, PDF or JPEG.

Saved files are reproducible: no dates in the metadata and a fixed salt for SVG ids, so the same
input gives the same bytes in every run. Long lines are simplified while drawing, which keeps
charts of millions of points fast without visible change.
"""
import contextlib
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.style  # noqa: E402  (the backend must be chosen first)
from matplotlib.layout_engine import PlaceHolderLayoutEngine  # noqa: E402
import numpy as np  # noqa: E402

from ..errors import UsageError  # noqa: E402
from .. import boxstats  # noqa: E402
from ..plans import END, SERIES, START, VALUE, X, Y, isolated, marker_alpha, marker_size  # noqa: E402
from . import mpl_common, tick_fit  # noqa: E402

THEME_ALIASES = {"light": "default", "dark": "dark_background"}

SAVE_SETTINGS = {
    "svg.hashsalt": "charton",
    "path.simplify": True,
    "path.simplify_threshold": 1 / 9,
    "agg.path.chunksize": 10_000,
}
METADATA = {"png": None, "jpg": None, "svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}


def themes():
    return sorted(THEME_ALIASES) + ["default"] + sorted(matplotlib.style.available)


def style(spec):
    if spec.theme is None:
        return contextlib.nullcontext()
    name = THEME_ALIASES.get(spec.theme, spec.theme)
    if name != "default" and name not in matplotlib.style.available:
        raise UsageError("--theme: matplotlib has no theme '%s' (themes: %s)" % (spec.theme, ", ".join(themes())))
    return matplotlib.style.context(name)


def draw(plan):
    palette = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    return mpl_common.draw_panels(plan, palette, DRAW)


def export(figure, fmt, spec):
    raster = fmt in ("png", "jpg")

    def write(fig):
        buffer = io.BytesIO()
        with laid_out_once(fig) if raster else contextlib.nullcontext():
            fig.savefig(buffer, format="jpeg" if fmt == "jpg" else fmt, dpi=fig.dpi, metadata=METADATA[fmt])
        return buffer.getvalue()

    with matplotlib.rc_context(SAVE_SETTINGS):
        return tick_fit.save(figure, write, raster=raster)


@contextlib.contextmanager
def laid_out_once(fig):
    """savefig draws a figure that has a layout engine twice: once without rendering, which runs the
    layout (and every artist's drawing code), then once to render it with the layout fixed. At the
    figure's own dpi, on the raster canvas whose text metrics the layout needs, running the layout
    alone is enough: it is run here and the engine set aside while savefig draws once (7% of a
    small plot's drawing time in a worker that has drawn before: docs/benchmarks.md). The same
    pixels (test_renderers). Vector formats measure text their own way and keep savefig's."""
    engine = fig.get_layout_engine()
    if engine is None or isinstance(engine, PlaceHolderLayoutEngine):
        yield
        return
    engine.execute(fig)
    with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def line(ax, rows, plan, colours):
    for name, part in plan.series_of(rows):
        dash, _ = mpl_common.series_marks(plan, name)
        ax.plot(part[X], part[Y].astype(float), color=colours[name], linewidth=1.4, linestyle=dash)
    mark_isolated(ax, rows, plan, colours)


def mark_isolated(ax, rows, plan, colours):
    """A dot on each value of a line with no value beside it, which the line alone would not show."""
    for name, part in plan.series_of(rows):
        ys = part[Y].astype(float)
        lone = isolated(ys)
        if lone.any():
            ax.plot(part[X][lone], ys[lone], linestyle="none", marker="o", markersize=3, color=colours[name])


def scatter(ax, rows, plan, colours):
    size = marker_size(plan.point_count)
    for name, part in plan.series_of(rows):
        # plot() with markers draws one path: far faster than scatter() for many points.
        _, marker = mpl_common.series_marks(plan, name)
        ax.plot(part[X], part[Y].astype(float), linestyle="none", marker=marker,
                markersize=size, markeredgewidth=0, alpha=marker_alpha(plan.point_count), color=colours[name])


def bar(ax, rows, plan, colours):
    width = mpl_common.bar_width(plan)
    if plan.bar_layout == "group":
        each = width / len(plan.series)
        for name, part in plan.series_of(rows):
            offset = (plan.series.index(name) - (len(plan.series) - 1) / 2) * each
            ax.bar(part[X] + offset, part[Y].astype(float), each, color=colours[name])
        return
    positions = np.unique(rows[X]) if len(rows) else np.array([])
    bottom = np.zeros(len(positions))
    for name, part in plan.series_of(rows):
        at = np.searchsorted(positions, part[X])
        values = part[Y].astype(float)
        # No outline: on a time axis bars may be a pixel wide, and a (white) edge would hide them.
        ax.bar(part[X], values, width, bottom=bottom[at], color=colours[name], linewidth=0)
        np.add.at(bottom, at, values)


def hist(ax, rows, plan, colours):
    layered = len(plan.series) > 1
    for name, part in plan.series_of(rows):
        start = part[START].astype(float)
        ax.bar(start, part[Y].astype(float), part[END].astype(float) - start, align="edge",
               color=colours[name],
               alpha=0.55 if layered else 1.0, edgecolor="white", linewidth=0.4)


def area(ax, rows, plan, colours):
    if not plan.series:
        x, y = rows[X], rows[Y].astype(float)
        ax.fill_between(x, y, alpha=0.35, color=colours[None], linewidth=0)
        ax.plot(x, y, color=colours[None], linewidth=1.2)
        return
    positions = np.unique(rows[X]) if len(rows) else np.array([])
    names, stacked = [], []
    for name, part in plan.series_of(rows):
        values = np.zeros(len(positions))
        np.add.at(values, np.searchsorted(positions, part[X]), part[Y].astype(float))
        names.append(name)
        stacked.append(values)
    ax.stackplot(positions, np.array(stacked).reshape(len(names), len(positions)),
                 colors=[colours[n] for n in names], alpha=0.85, linewidth=0)


def box(ax, rows, plan, colours):
    """One box per row of statistics (chartonpy.boxstats), side by side when there are several series."""
    names = plan.series or [None]
    width = 0.8 / len(names)
    for j, name in enumerate(names):
        part = rows if name is None else rows.take(rows[SERIES] == name)
        if part.empty:
            continue
        groups = part[X].astype(float) if X in part else np.zeros(len(part))
        positions = groups + (j - (len(names) - 1) / 2) * width
        stats = [boxstats.for_drawing(row) for row in part.records()]
        ax.bxp(stats, positions=positions, widths=width * 0.85, patch_artist=True, manage_ticks=False,
               boxprops={"facecolor": colours[name]}, medianprops={"color": "black"}, flierprops={"markersize": 2})


def heatmap(ax, rows, plan, colours):
    low, high = mpl_common.value_range(plan, VALUE)
    image = ax.imshow(plan.matrix(rows, VALUE), aspect="auto", interpolation="nearest",
                      vmin=low, vmax=high, cmap="viridis")
    ax.set_xticks(np.arange(len(plan.x_order)), plan.x_order)
    ax.set_yticks(np.arange(len(plan.y_order)), plan.y_order)
    return image


DRAW = {"line": line, "scatter": scatter, "bar": bar, "hist": hist, "area": area, "box": box, "heatmap": heatmap}
