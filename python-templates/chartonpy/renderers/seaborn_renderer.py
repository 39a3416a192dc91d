"""seaborn: the grammar drawn with seaborn's functions and themes (saved by the matplotlib exporter).

seaborn has no area chart and no stacked bars, and draws boxes only from every row; those are drawn
by the matplotlib renderer's functions (boxes from their statistics), with seaborn's theme and palette.
"""
import matplotlib

matplotlib.use("Agg")
import seaborn as sns  # noqa: E402  (the backend must be chosen first)

from .. import palette  # noqa: E402
from ..errors import UsageError  # noqa: E402
from ..plans import CATEGORICAL, END, SERIES, START, VALUE, X, Y, marker_alpha, marker_size  # noqa: E402
from . import matplotlib_renderer, mpl_common  # noqa: E402

_SEABORN_DASHES = {"-": "", "--": (4, 2), ":": (1, 2)}

THEMES = ("darkgrid", "whitegrid", "dark", "white", "ticks")
THEME_ALIASES = {"light": "whitegrid"}
DEFAULT_THEME = "darkgrid"


def themes():
    return sorted(THEME_ALIASES) + list(THEMES)


def style(spec):
    name = THEME_ALIASES.get(spec.theme, spec.theme) or DEFAULT_THEME
    if name not in THEMES:
        raise UsageError("--theme: seaborn has no theme '%s' (themes: %s)" % (spec.theme, ", ".join(themes())))
    settings = {**sns.plotting_context("notebook"), **sns.axes_style(name),
                "axes.prop_cycle": matplotlib.cycler(color=sns.color_palette("deep"))}
    return matplotlib.rc_context(settings)


def draw(plan):
    return mpl_common.draw_panels(plan, sns.color_palette("deep"), DRAW)


def _colour_by_series(plan, colours):
    if plan.series:
        return {"hue": SERIES, "hue_order": plan.series, "palette": colours}
    return {"color": colours[None]}


def _many_series(plan, key, values):
    """seaborn's style mapping ``key`` (dashes or markers) where there are more series than colours
    tell apart at a glance (chartonpy.palette)."""
    if len(plan.series) <= palette.SOLID_SERIES:
        return {}
    return {"style": SERIES, "style_order": plan.series, key: values}


def line(ax, rows, plan, colours):
    dashes = {name: _SEABORN_DASHES[mpl_common.series_marks(plan, name)[0]] for name in plan.series}
    sns.lineplot(data=rows.to_pandas(), x=X, y=Y, estimator=None, errorbar=None, sort=False, legend=False, ax=ax,
                 **_colour_by_series(plan, colours), **_many_series(plan, "dashes", dashes))
    matplotlib_renderer.mark_isolated(ax, rows, plan, colours)


def scatter(ax, rows, plan, colours):
    size = marker_size(plan.point_count) ** 2 * 2
    markers = {name: mpl_common.series_marks(plan, name)[1] for name in plan.series}
    sns.scatterplot(data=rows.to_pandas(), x=X, y=Y, s=size, linewidth=0, alpha=marker_alpha(plan.point_count, 0.8), legend=False, ax=ax,
                    **_colour_by_series(plan, colours), **_many_series(plan, "markers", markers))


def bar(ax, rows, plan, colours):
    if plan.x_type != CATEGORICAL:
        return matplotlib_renderer.bar(ax, rows, plan, colours)
    positions = [float(i) for i in range(len(plan.x_order))]
    sns.barplot(data=rows.to_pandas(), x=X, y=Y, order=positions, errorbar=None, legend=False, ax=ax,
                **_colour_by_series(plan, colours))
    return None


def hist(ax, rows, plan, colours):
    frame = rows.to_pandas().assign(middle=(rows[START] + rows[END]) / 2)
    sns.histplot(data=frame, x="middle", weights=Y, bins=list(plan.edges), multiple="layer", legend=False, ax=ax,
                 **_colour_by_series(plan, colours))


def heatmap(ax, rows, plan, colours):
    low, high = mpl_common.value_range(plan, VALUE)
    sns.heatmap(plan.matrix(rows, VALUE), vmin=low, vmax=high, cbar=False, ax=ax,
                xticklabels=plan.x_order, yticklabels=plan.y_order)
    # seaborn stands crowded x labels on end and y labels always: level, tick_fit slants x labels that collide.
    ax.tick_params(axis="both", labelrotation=0)
    return ax.collections[0]


DRAW = {"line": line, "scatter": scatter, "bar": bar, "hist": hist, "area": matplotlib_renderer.area,
        "box": matplotlib_renderer.box, "heatmap": heatmap}
