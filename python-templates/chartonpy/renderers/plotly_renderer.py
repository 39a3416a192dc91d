"""plotly: the grammar as a plotly figure, saved as a self-contained HTML page (plotly.js inside,
so it works offline) or as the figure's JSON; PNG, SVG and PDF need kaleido.

The HTML has a fixed element id, so the same input gives the same page. Tz-aware times are drawn
as the wall-clock times of their zone.
"""
import contextlib
import math
from datetime import datetime

import numpy as np
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from . import plotly_ticks
from .. import palette
from ..errors import UsageError
from ..figures import scripts_from_cdn
from ..plans import (CATEGORICAL, END, FACET, SERIES, START, TEMPORAL, VALUE, X, Y, isolated, marker_alpha,
                     marker_size, wall_clock)

THEME_ALIASES = {"light": "plotly_white", "dark": "plotly_dark"}
DEFAULT_THEME = "plotly"
ELEMENT_ID = "charton-figure"
_DASHES = {"solid": "solid", "dashed": "dash", "dotted": "dot"}
_SYMBOLS = {"circle": "circle", "square": "square", "triangle": "triangle-up"}

# A time-of-day axis (chartonpy.clock): ticks as clock times, with seconds or milliseconds only when
# the ticks are that close (by the spacing of ticks, in milliseconds); never the epoch's date.
CLOCK_FORMATS = [{"dtickrange": [None, 1000], "value": "%H:%M:%S.%L"},
                 {"dtickrange": [1000, 60_000], "value": "%H:%M:%S"},
                 {"dtickrange": [60_000, None], "value": "%H:%M"}]


def themes():
    return sorted(THEME_ALIASES) + sorted(pio.templates)


def style(spec):
    """plotly takes its theme per figure (see draw); here the name is only checked."""
    name = THEME_ALIASES.get(spec.theme, spec.theme) or DEFAULT_THEME
    if name not in pio.templates:
        raise UsageError("--theme: plotly has no theme '%s' (themes: %s)" % (spec.theme, ", ".join(themes())))
    return contextlib.nullcontext()


def draw(plan):
    data = plan.frame()
    if plan.x_type == TEMPORAL and X in data.columns:
        data = data.assign(**{X: wall_clock(data[X])})
    spec = plan.spec
    rows, columns = plan.grid()
    common = {
        "title": plan.title,
        "width": spec.width,
        "height": spec.height,
        "template": THEME_ALIASES.get(spec.theme, spec.theme) or DEFAULT_THEME,
        "labels": {X: plan.xlabel or "", Y: plan.ylabel or "", SERIES: plan.legend_title or "",
                   FACET: str(spec.facet), START: plan.xlabel or ""},
        "category_orders": {X: plan.x_order or [], SERIES: plan.series, FACET: plan.facets},
    }
    theme_colours = pio.templates[common["template"]].layout.colorway or px.colors.qualitative.Plotly
    common["color_discrete_sequence"] = palette.series_colours(max(1, len(plan.series)), theme_colours)
    if plan.series:
        common["color"] = SERIES
    if plan.facets:
        common.update(facet_col=FACET, facet_col_wrap=columns, facet_row_spacing=0.12 / rows)
    fig = FIGURES[plan.kind](data, plan, common)
    if plan.x_type == CATEGORICAL:
        fig.update_xaxes(type="category")  # else plotly reads labels like 2025-01 as dates
    if plan.kind == "heatmap":
        fig.update_yaxes(type="category")
    if spec.log_x:
        fig.update_xaxes(type="log")
    if spec.log_y:
        fig.update_yaxes(type="log")
    if spec.xlim:
        fig.update_xaxes(range=_axis_range(spec.xlim, spec.log_x))
    if spec.ylim:
        fig.update_yaxes(range=_axis_range(spec.ylim, spec.log_y))
    if plan.time_of_day:
        fig.update_xaxes(tickformatstops=CLOCK_FORMATS)
    plotly_ticks.fit(fig, x_labels=_x_categories(plan), y_labels=plan.y_order if plan.kind == "heatmap" else None,
                     x_time=plan.x_type == TEMPORAL and plan.kind != "heatmap")
    return fig


def _x_categories(plan):
    """The labels along a categorical x axis, in order (None: the axis is numbers or times)."""
    if plan.kind == "box":
        return plan.x_order or [str(s) for s in plan.series] or None
    return plan.x_order if plan.kind == "heatmap" or plan.x_type == CATEGORICAL else None


def _axis_range(limits, log):
    """plotly's range of an axis: times as ISO text (drawn as wall-clock times), a log axis in powers of ten."""
    if isinstance(limits[0], datetime):
        return [v.isoformat() for v in limits]
    return [math.log10(v) for v in limits] if log else list(limits)


def export(fig, fmt, spec):
    if fmt == "html":
        plotly_js = "cdn" if scripts_from_cdn(spec) else True
        return pio.to_html(fig, include_plotlyjs=plotly_js, full_html=True, div_id=ELEMENT_ID).encode("utf-8")
    if fmt == "json":
        return pio.to_json(fig, validate=False).encode("utf-8")
    return pio.to_image(fig, format=fmt, width=spec.width, height=spec.height, scale=1)


def line(data, plan, common):
    dashes = [_DASHES[palette.series_style(i)[0]] for i in range(len(plan.series))]
    fig = px.line(data, x=X, y=Y, **common, **_many_series(plan, "line_dash", dashes))
    for trace in fig.data:
        lone = isolated(np.asarray(trace.y, dtype=float))
        if lone.any():
            trace.update(mode="lines+markers", marker_size=np.where(lone, 6, 0))
    return fig


def scatter(data, plan, common):
    symbols = [_SYMBOLS[palette.series_style(i)[1]] for i in range(len(plan.series))]
    fig = px.scatter(data, x=X, y=Y, opacity=marker_alpha(plan.point_count), **common,
                     **_many_series(plan, "symbol", symbols))
    return fig.update_traces(marker={"size": marker_size(plan.point_count) + 2})


def _many_series(plan, channel, styles):
    """plotly express's dash or symbol mapping where there are more series than colours tell apart
    at a glance (chartonpy.palette)."""
    if len(plan.series) <= palette.SOLID_SERIES:
        return {}
    return {channel: SERIES, channel + "_sequence": styles}


def bar(data, plan, common):
    return px.bar(data, x=X, y=Y, barmode="group" if plan.bar_layout == "group" else "relative", **common)


def hist(data, plan, common):
    data = data.assign(**{START: (data[START] + data[END]) / 2})
    layered = len(plan.series) > 1
    fig = px.bar(data, x=START, y=Y, barmode="overlay", opacity=0.55 if layered else 1.0, **common)
    return fig.update_traces(width=float(np.diff(plan.edges).min()), marker_line_width=0.5,
                             marker_line_color="white")


def area(data, plan, common):
    return px.area(data, x=X, y=Y, **common)


def box(data, plan, common):
    """Boxes from their statistics (chartonpy.boxstats): plotly's precomputed quartiles and fences,
    the outliers as markers beside them."""
    rows, columns = plan.grid()
    fig = make_subplots(rows=rows, cols=columns, shared_xaxes=True, shared_yaxes=True,
                        vertical_spacing=0.12 / rows, horizontal_spacing=0.04,
                        subplot_titles=["%s=%s" % (plan.spec.facet, f) for f in plan.facets] or None)
    colours = common["color_discrete_sequence"]
    for i, (_, panel) in enumerate(plan.panels()):
        where = {"row": i // columns + 1, "col": i % columns + 1}
        for j, (name, part) in enumerate(plan.series_of(panel)):
            colour = colours[plan.series.index(name) if name is not None else 0]
            group = {"legendgroup": str(name), "offsetgroup": str(name), "marker_color": colour}
            positions = list(part[X]) if plan.x_order else [str(name if name is not None else plan.ylabel or "")] * len(part)
            fig.add_trace(go.Box(x=positions, q1=part["q1"], median=part["median"], q3=part["q3"],
                                 lowerfence=part["whislo"], upperfence=part["whishi"], boxpoints=False,
                                 name=str(name) if name is not None else plan.ylabel or "", showlegend=name is not None and i == 0,
                                 **group), **where)
            fliers = [(x, v) for x, values in zip(positions, part["fliers"]) for v in values]
            if fliers:
                fig.add_trace(go.Scatter(x=[f[0] for f in fliers], y=[f[1] for f in fliers], mode="markers",
                                         marker_size=4, showlegend=False, **group), **where)
    fig.update_layout(title=common["title"], width=common["width"], height=common["height"],
                      template=common["template"], boxmode="group", scattermode="group",
                      legend_title_text=plan.legend_title or "")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=plan.x_order or plan.series or None)
    fig.update_xaxes(title_text=plan.xlabel or "", row=rows)
    fig.update_yaxes(title_text=plan.ylabel or "", col=1)
    return fig


def heatmap(data, plan, common):
    facets = plan.facets or [None]
    panels = dict(plan.panels())
    cube = np.stack([plan.matrix(panels[f], VALUE) for f in facets])
    options = {"facet_col": 0, "facet_col_wrap": plan.grid()[1]} if plan.facets else {}
    fig = px.imshow(cube if plan.facets else cube[0], x=plan.x_order, y=plan.y_order, aspect="auto",
                    labels={"x": plan.xlabel, "y": plan.ylabel, "color": plan.value_label},
                    title=common["title"], width=common["width"], height=common["height"],
                    template=common["template"], **options)
    for annotation, facet in zip(fig.layout.annotations, plan.facets):
        annotation.text = "%s=%s" % (plan.spec.facet, facet)
    return fig


FIGURES = {"line": line, "scatter": scatter, "bar": bar, "hist": hist, "area": area, "box": box, "heatmap": heatmap}
