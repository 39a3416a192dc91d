"""altair: the grammar as a Vega-Lite chart, saved as its JSON spec (data inline) or an HTML page
that carries Vega and draws offline (vega_html); SVG, PNG and PDF need vl-convert-python.

altair's 5,000-row limit is lifted: charton is meant for whole files. Tz-aware times are written as
the wall-clock times of their zone, so the chart shows that zone wherever it is viewed.
"""
import io
from datetime import datetime

import altair as alt
import pandas as pd

from .. import palette
from ..errors import UsageError
from . import label_fit, vega_html
from ..plans import (CATEGORICAL, END, FACET, NUMERIC, SERIES, START, TEMPORAL, VALUE, X, Y, isolated,
                     marker_alpha, wall_clock)

alt.data_transformers.disable_max_rows()

THEME_ALIASES = {"light": "default"}
FIELD_TYPES = {TEMPORAL: "temporal", NUMERIC: "quantitative", CATEGORICAL: "nominal"}
# A time-of-day axis (chartonpy.clock): each tick as a clock time, with seconds or milliseconds only
# where the tick has them (Vega's multi-format: the key is the finest unit the tick is not a whole
# one of); the epoch's day, month and year never show.
CLOCK_FORMAT = {"milliseconds": "%H:%M:%S.%L", "seconds": "%H:%M:%S", "minutes": "%H:%M", "hours": "%H:%M",
                "date": "%H:%M", "week": "%H:%M", "month": "%H:%M", "quarter": "%H:%M",
                "year": "%H:%M"}
FACET_MARGIN = 70  # pixels of axes and labels around each facet panel
RANK = "rank"  # a series' position in the legend, which orders stacks
STACKING = ("bar", "area")
READABLE_ROWS = 5000
FLIER = "flier"  # an outlier of a box, one per row
LONE = "lone"  # whether a line's value has no value beside it
LABEL_FONT = 10  # pixels: Vega's tick and legend labels
# Pixels of the chart's width and height that are no plot area, as far as they can be known before
# Vega lays it out: the y axis (labels and title) and a legend's symbols and padding; the x axis.
Y_AXIS_ROOM, LEGEND_ROOM, GRADIENT_ROOM, X_AXIS_ROOM = 60, 40, 60, 40
# Vega's longest usual time tick labels (its default formats).
TIME_LABELS = ("September", "12:00:00", "Mar 31", "03 PM")
# Vega's own series colours (its "category" scheme), first in the palette; dashes and shapes in Vega's terms.
_THEME_COLOURS = ("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
                  "#bab0ac")
_DASHES = {"solid": [1, 0], "dashed": [6, 3], "dotted": [1, 3]}
_SHAPES = {"circle": "circle", "square": "square", "triangle": "triangle-up"}


def themes():
    return sorted(THEME_ALIASES) + alt.theme.names()


def style(spec):
    name = THEME_ALIASES.get(spec.theme, spec.theme) or "default"
    if name not in alt.theme.names():
        raise UsageError("--theme: altair has no theme '%s' (themes: %s)" % (spec.theme, ", ".join(themes())))
    return alt.theme.enable(name)


def draw(plan):
    data = plan.frame()
    if plan.x_type == TEMPORAL and X in data.columns:
        data = data.assign(**{X: wall_clock(data[X])})
    if plan.series and plan.kind in STACKING:
        data = data.assign(**{RANK: data[SERIES].map({name: i for i, name in enumerate(plan.series)})})
    chart = MARKS[plan.kind](alt.Chart(data), plan)
    spec = plan.spec
    if spec.xlim or spec.ylim:
        _clip(chart)
    if plan.facets:
        width, height = _plot_size(plan)
        chart = chart.properties(width=width, height=height)
        header = alt.Header(labelLimit=width)  # a panel's title never runs into the next one's
        chart = chart.facet(facet=alt.Facet(FACET, type="nominal", sort=plan.facets, title=spec.facet, header=header),
                            columns=plan.grid()[1])
    else:
        chart = chart.properties(width=spec.width, height=spec.height,
                                 autosize=alt.AutoSizeParams(type="fit", contains="padding"))
    return chart.properties(title=plan.title) if plan.title else chart


def export(chart, fmt, spec):
    if fmt == "json":
        # Indented JSON is for reading; past a few thousand rows nobody reads it, and Python's
        # indenting encoder takes twice as long as the compact one.
        return chart.to_json(indent=2 if _row_count(chart) <= READABLE_ROWS else None).encode("utf-8")
    if fmt == "html":
        return vega_html.page(chart, spec).encode("utf-8")
    if fmt == "svg":
        text = io.StringIO()
        chart.save(text, format="svg")
        return text.getvalue().encode("utf-8")
    binary = io.BytesIO()
    chart.save(binary, format=fmt, ppi=spec.dpi) if fmt == "png" else chart.save(binary, format=fmt)
    return binary.getvalue()


def _row_count(chart):
    data = getattr(chart, "data", None)
    return len(data) if hasattr(data, "columns") else 0


def _x(plan, field=X):
    options = {"title": plan.xlabel, "scale": _scale(plan.spec.log_x, plan.spec.xlim)}
    if plan.x_order:
        options["sort"] = plan.x_order
        options["axis"] = _category_axis(plan.x_order, _plot_size(plan)[0], across=True)
    elif plan.x_type == TEMPORAL:
        ticks = label_fit.time_ticks(_plot_size(plan)[0], LABEL_FONT, TIME_LABELS)
        options["axis"] = alt.Axis(tickCount=ticks, format=CLOCK_FORMAT) if plan.time_of_day else alt.Axis(tickCount=ticks)
    return alt.X(field, type=FIELD_TYPES[plan.x_type], **options)


def _category_axis(labels, length, across):
    """Labels that fit (label_fit): level, slanted or on end, every k-th shown; long ones cut at the
    width of a shortened one. Vega's own thinning stays on, should its font be wider than measured."""
    text, angle, step = label_fit.categories(labels, length, LABEL_FONT, across)
    limit = max(label_fit.width(t, LABEL_FONT) for t in text) + 1
    return alt.Axis(values=list(labels[::step]), labelAngle=-angle if across else 0, labelLimit=limit,
                    labelOverlap="greedy")


def _plot_size(plan):
    """(width, height) in pixels of a panel's plot area: a facet panel's as set, else the chart's
    less what its axes and legend are estimated to take."""
    spec = plan.spec
    if plan.facets:
        rows, columns = plan.grid()
        return max(60, spec.width // columns - FACET_MARGIN), max(60, spec.height // rows - FACET_MARGIN)
    legend = 0
    if plan.series:
        legend = max(label_fit.width(str(name), LABEL_FONT) for name in plan.series) + LEGEND_ROOM
    elif plan.kind == "heatmap":
        legend = GRADIENT_ROOM
    return max(60, spec.width - Y_AXIS_ROOM - legend), max(60, spec.height - X_AXIS_ROOM)


def _y(plan, **options):
    return alt.Y(Y, type="quantitative", title=plan.ylabel, scale=_scale(plan.spec.log_y, plan.spec.ylim), **options)


def _clip(chart):
    """Nothing drawn outside the axis limits: every mark (of every layer) clipped to the plot."""
    for part in getattr(chart, "layer", None) or [chart]:
        mark = part.mark
        part.mark = alt.MarkDef(type=mark, clip=True) if isinstance(mark, str) else mark.copy(deep=True)
        part.mark.clip = True


def _scale(log, limits):
    """An axis' scale: logarithmic, and with the domain --xlim or --ylim gave (times as Vega's local date-times,
    which is how the wall-clock data reads)."""
    options = {}
    if log:
        options["type"] = "log"
    if limits:
        options["domain"] = [_date_time(v) if isinstance(v, datetime) else v for v in limits]
    return alt.Scale(**options) if options else alt.Undefined


def _date_time(value):
    return alt.DateTime(year=value.year, month=value.month, date=value.day, hours=value.hour, minutes=value.minute,
                        seconds=value.second)


def _series(plan):
    """Colour encoding of the series, in the plan's order, in colours told apart (chartonpy.palette)."""
    if not plan.series:
        return {}
    colours = palette.series_colours(len(plan.series), _THEME_COLOURS)
    return {"color": alt.Color(SERIES, type="nominal", sort=plan.series,
                               scale=alt.Scale(domain=plan.series, range=colours), title=plan.legend_title)}


def _many_series(plan, channel):
    """A dash or shape encoding where there are more series than colours tell apart at a glance; its
    legend merges with the colour's (same field and title)."""
    if len(plan.series) <= palette.SOLID_SERIES:
        return {}
    dashes_or_shapes = (palette.series_style(i) for i in range(len(plan.series)))
    if channel == "strokeDash":
        encoding, ranges = alt.StrokeDash, [_DASHES[dash] for dash, _ in dashes_or_shapes]
    else:
        encoding, ranges = alt.Shape, [_SHAPES[shape] for _, shape in dashes_or_shapes]
    return {channel: encoding(SERIES, type="nominal", sort=plan.series, title=plan.legend_title,
                              scale=alt.Scale(domain=plan.series, range=ranges))}


def _stacked(plan):
    """Stacks put the first series at the bottom, as the other renderers do."""
    return {"order": alt.Order(RANK, type="quantitative")} if plan.series else {}


def _offset(plan):
    return {"xOffset": alt.XOffset(SERIES, type="nominal", sort=plan.series)} if plan.series else {}


def line(chart, plan):
    encoding = {"x": _x(plan), "y": _y(plan), **_series(plan)}
    lone = _isolated_rows(chart.data, plan)
    if not lone.any():
        return chart.mark_line(strokeWidth=1.5).encode(**encoding, **_many_series(plan, "strokeDash"))
    # A value with no value beside it draws no line: a dot shows it.
    lines = alt.Chart().mark_line(strokeWidth=1.5).encode(**encoding, **_many_series(plan, "strokeDash"))
    dots = alt.Chart().mark_circle(size=20, opacity=1).encode(**encoding).transform_filter("datum.%s" % LONE)
    return alt.layer(lines, dots, data=chart.data.assign(**{LONE: lone}))


def _isolated_rows(data, plan):
    keys = [c for c in (SERIES, FACET) if c in data.columns]
    if not keys:
        return isolated(data[Y].to_numpy(dtype=float))
    return data.groupby(keys, sort=False)[Y].transform(lambda ys: isolated(ys.to_numpy(dtype=float))).to_numpy(dtype=bool)


def scatter(chart, plan):
    shapes = _many_series(plan, "shape")
    opacity = marker_alpha(plan.point_count)
    mark = chart.mark_point(size=24, filled=True, opacity=opacity) if shapes else chart.mark_circle(size=24, opacity=opacity)
    return mark.encode(x=_x(plan), y=_y(plan), **_series(plan), **shapes)


def bar(chart, plan):
    layout = _offset(plan) if plan.bar_layout == "group" else _stacked(plan)
    return chart.mark_bar().encode(x=_x(plan), y=_y(plan), **_series(plan), **layout)


def hist(chart, plan):
    x = alt.X(START, type="quantitative", bin="binned", title=plan.xlabel, scale=_scale(plan.spec.log_x, plan.spec.xlim))
    layered = len(plan.series) > 1
    return chart.mark_bar(opacity=0.55 if layered else 1.0).encode(
        x=x, x2=alt.X2(END), y=_y(plan, stack=None), **_series(plan))


def area(chart, plan):
    if plan.series:
        return chart.mark_area(opacity=0.85).encode(x=_x(plan), y=_y(plan, stack="zero"), **_series(plan),
                                                    **_stacked(plan))
    return chart.mark_area(opacity=0.4, line=True).encode(x=_x(plan), y=_y(plan))


def box(chart, plan):
    """Boxes from their statistics (chartonpy.boxstats), layered: whiskers, box, median, outliers."""
    if plan.x_order:
        x, size = {"x": _x(plan), **_offset(plan)}, 20
    elif plan.series:
        x, size = {"x": alt.X(SERIES, type="nominal", sort=plan.series, title=None)}, 30
    else:
        x, size = {}, 40
    colour = _series(plan) or {"color": alt.value("#4c78a8")}
    y = {"scale": _scale(plan.spec.log_y, plan.spec.ylim)}
    boxes = alt.Chart().transform_filter("isValid(datum.q1)")
    outliers = alt.Chart().transform_filter("isValid(datum.%s)" % FLIER)
    return alt.layer(
        boxes.mark_rule().encode(y=alt.Y("whislo", type="quantitative", title=plan.ylabel, **y), y2="whishi", **x),
        boxes.mark_bar(size=size).encode(y="q1:Q", y2="q3:Q", **x, **colour),
        boxes.mark_tick(size=size, color="black").encode(y="median:Q", **x),
        outliers.mark_circle(size=12).encode(y=alt.Y(FLIER, type="quantitative"), **x, **colour),
        data=_box_rows(chart.data))


def _box_rows(data):
    """The statistics without their lists, then one row per outlier (under FLIER), for one data source."""
    boxes = data.drop(columns=["fliers"])
    keys = [c for c in (X, SERIES, FACET) if c in data.columns]
    outliers = data[keys + ["fliers"]].explode("fliers").dropna(subset=["fliers"]).rename(columns={"fliers": FLIER})
    return pd.concat([boxes, outliers.astype({FLIER: float})], ignore_index=True)


def heatmap(chart, plan):
    return chart.mark_rect().encode(
        x=alt.X(X, type="nominal", sort=plan.x_order, title=plan.xlabel,
                axis=_category_axis(plan.x_order, _plot_size(plan)[0], across=True)),
        y=alt.Y(Y, type="nominal", sort=plan.y_order, title=plan.ylabel,
                axis=_category_axis(plan.y_order, _plot_size(plan)[1], across=False)),
        color=alt.Color(VALUE, type="quantitative", title=plan.value_label))


MARKS = {"line": line, "scatter": scatter, "bar": bar, "hist": hist, "area": area, "box": box, "heatmap": heatmap}
