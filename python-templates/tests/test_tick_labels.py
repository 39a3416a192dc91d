"""No two tick labels overlap on matplotlib and seaborn figures: the README's examples and the
gallery at their sizes, and axes crowded on purpose (long or many categories, facets, long time
ranges). Overlap is measured here on the drawn figure, independently of chartonpy's fitting."""
import itertools
import re
import unittest

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from chartdata import label_width, sales, spec, table, vega_lite, weather
from chartonpy import grammar, renderers
from chartonpy.renderers import matplotlib_renderer, seaborn_renderer, tick_fit

RENDERERS = (matplotlib_renderer, seaborn_renderer)
GALLERY_SIZE = {"width": 480, "height": 320}
DEFAULT_SIZE = {"width": 800, "height": 600}


def sales_as_read():
    """examples/sales.csv with the types charton's CSV reader gives it (its months are dates)."""
    frame = sales()
    frame["month"] = pd.to_datetime(frame["month"], format="%Y-%m")
    return frame


# The gallery's charts (README "Gallery") and the README's other examples (README "The grammar").
EXAMPLES = [
    (weather, dict(kind="line", x="date", y=["temp_max", "temp_min"], title="Daily temperature")),
    (weather, dict(kind="scatter", x="temp_min", y=["temp_max"], color="weather")),
    (sales_as_read, dict(kind="bar", x="region", y=["units"], color="product")),
    (weather, dict(kind="hist", y=["temp_max"], bins=24)),
    (sales_as_read, dict(kind="area", x="month", y=["units"], color="product")),
    (weather, dict(kind="box", x="weather", y=["wind"])),
    (sales_as_read, dict(kind="heatmap", x="month", y=["region"], color="revenue", agg="sum")),
    (sales_as_read, dict(kind="line", x="month", y=["units"], color="product", facet="region")),
    (weather, dict(kind="line", x="date", y=["precipitation"])),
    (weather, dict(kind="line", x="date", y=["wind"])),
]


def crowded():
    rng = np.random.default_rng(7)
    names = ["a rather long category name number %d" % i for i in range(40)]
    days = pd.date_range("1900-01-01", "2020-12-31", freq="30D")
    return [
        (lambda: pd.DataFrame({"name": names, "v": rng.random(40)}), dict(kind="bar", x="name", y=["v"])),
        (lambda: pd.DataFrame({"code": ["c%03d" % i for i in range(90)], "v": rng.random(90)}),
         dict(kind="bar", x="code", y=["v"])),
        (lambda: pd.DataFrame({"t": np.tile(days, 9), "v": rng.random(9 * len(days)),
                               "panel": np.repeat(["p%d" % i for i in range(9)], len(days))}),
         dict(kind="line", x="t", y=["v"], facet="panel")),
        (lambda: pd.DataFrame({"a": rng.choice(names[:30], 500), "b": rng.choice(names[:30], 500)}),
         dict(kind="heatmap", x="a", y=["b"])),
    ]


def overlapping_labels(fig):
    """Pairs of visible tick labels of one axis whose drawn text rectangles (slanted as the text is) overlap."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    pairs = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = [(label.get_text(), text_outline(label, renderer)) for label in axis.get_ticklabels()
                      if label.get_visible() and label.get_text()]
            pairs += [(a, b) for (a, shape_a), (b, shape_b) in itertools.combinations(labels, 2)
                      if shape_a.intersects_path(shape_b, filled=True)]
    return pairs


def text_outline(label, renderer):
    """The label's text rectangle as drawn: its upright box turned by its angle about the centre of
    the box around it."""
    around = label.get_window_extent(renderer)
    angle = label.get_rotation()
    label.set_rotation(0)
    upright = label.get_window_extent(renderer)
    label.set_rotation(angle)
    corners = [(-upright.width / 2, -upright.height / 2), (upright.width / 2, -upright.height / 2),
               (upright.width / 2, upright.height / 2), (-upright.width / 2, upright.height / 2)]
    turn = Affine2D().rotate_deg(angle).translate((around.x0 + around.x1) / 2, (around.y0 + around.y1) / 2)
    return Path(turn.transform(corners), closed=False)


def saved(renderer, plan, fmt="png"):
    """The figure ``renderer`` draws for ``plan``, once saved as ``fmt`` (saving fits its tick labels)."""
    with renderer.style(plan.spec):
        fig = renderer.draw(plan)
        matplotlib_renderer.export(fig, fmt, plan.spec)
    return fig


def raster_saves(renderer, data, options, size):
    """What each raster save of the chart wrote when saving it: "png N" for the N-th save."""
    plan = grammar.plan(data(), spec(**size, **options))
    writes = []

    def write(fig):
        FigureCanvasAgg(fig).draw()
        writes.append("png %d" % (len(writes) + 1))
        return writes[-1]

    with renderer.style(plan.spec):
        last = tick_fit.save(renderer.draw(plan), write, raster=True)
    assert last == writes[-1], (last, writes)
    return writes


class TickLabels(unittest.TestCase):
    def assert_no_overlap(self, charts, sizes, fmt="png"):
        for data, options in charts:
            for size in sizes:
                for renderer in RENDERERS:
                    with self.subTest(renderer=renderer.__name__, size=size, **{k: str(v) for k, v in options.items()}):
                        fig = saved(renderer, grammar.plan(data(), spec(**size, **options)), fmt)
                        self.assertEqual([], overlapping_labels(fig))

    def test_readme_examples_and_gallery(self):
        self.assert_no_overlap(EXAMPLES, (GALLERY_SIZE, DEFAULT_SIZE))

    def test_crowded_axes(self):
        self.assert_no_overlap(crowded(), (GALLERY_SIZE,))

    def test_crowded_axes_in_vector_formats(self):
        # Fitted before saving rather than after (tick_fit.save): the same labels must come out.
        self.assert_no_overlap(crowded(), (GALLERY_SIZE,), fmt="svg")

    def test_a_figure_whose_labels_fit_is_saved_once(self):
        data, options = EXAMPLES[0]
        for renderer in RENDERERS:
            with self.subTest(renderer=renderer.__name__):
                self.assertEqual(["png 1"], raster_saves(renderer, data, options, DEFAULT_SIZE))

    def test_a_crowded_figure_is_saved_again_once_fitted(self):
        data, options = crowded()[1]  # 90 codes under bars
        self.assertEqual(["png 1", "png 2"], raster_saves(matplotlib_renderer, data, options, GALLERY_SIZE))

    def test_short_labels_that_fit_stay_level(self):
        # The gallery's box plot and bar chart: five weather words, four regions fit side by side at 480 px.
        for data, options in (EXAMPLES[5], EXAMPLES[2]):
            for renderer in RENDERERS:
                with self.subTest(renderer=renderer.__name__, kind=options["kind"]):
                    fig = saved(renderer, grammar.plan(data(), spec(**GALLERY_SIZE, **options)))
                    angles = {label.get_rotation() for label in fig.axes[0].get_xticklabels() if label.get_text()}
                    self.assertEqual({0.0}, angles)

    def test_slanted_labels_are_thinned_only_as_far_as_their_slant_needs(self):
        # The gallery's heatmap: twelve "Jan 2025" labels slanted fit every other one in 480 px (upright
        # boxes around them would have left two); its region names stand level.
        data, options = EXAMPLES[6]
        for renderer in RENDERERS:
            with self.subTest(renderer=renderer.__name__):
                fig = saved(renderer, grammar.plan(data(), spec(**GALLERY_SIZE, **options)))
                shown = [label.get_text() for label in fig.axes[0].get_xticklabels() if label.get_visible()]
                self.assertEqual(["Jan 2025", "Mar 2025", "May 2025", "Jul 2025", "Sep 2025", "Nov 2025"], shown)
                self.assertEqual({0.0}, {label.get_rotation() for label in fig.axes[0].get_yticklabels()})

    def test_altair_category_axes_show_only_labels_that_fit(self):
        # Vega lays the labels out in a browser: the spec's shown labels (axis values) are measured
        # here in DejaVu Sans at Vega's 10 px and must fit the room each has, level or across a slant.
        charts = crowded() + [EXAMPLES[2], EXAMPLES[5], (sales, dict(kind="line", x="month", y=["units"], color="product",
                                                                   facet="region"))]
        for data, options in charts:
            with self.subTest(**{k: str(v) for k, v in options.items()}):
                chart, _ = vega_lite(renderers.load("altair").render(table(data()), spec(**GALLERY_SIZE, **options),
                                                                     "json")[0])
                panel = chart.get("spec", chart)
                layers = panel.get("layer", [panel])
                for channel, across in (("x", True), ("y", False)):
                    axis = next((layer["encoding"][channel].get("axis") for layer in layers
                                 if "sort" in layer["encoding"].get(channel, {})), None)
                    if axis is None:
                        continue
                    categories = next(layer["encoding"][channel]["sort"] for layer in layers
                                      if "sort" in layer["encoding"].get(channel, {}))
                    self.assert_vega_labels_fit(axis, categories, self.vega_plot_length(chart, channel), across)

    def assert_vega_labels_fit(self, axis, categories, length, across):
        shown = axis["values"]
        positions = [categories.index(label) for label in shown]
        self.assertEqual(sorted(positions), positions)
        room = length / len(categories) * min(np.diff(positions), default=len(categories))
        angle = abs(axis.get("labelAngle", 0))
        widths = [min(label_width(str(label), 10), axis["labelLimit"]) for label in shown]
        needed = (max(widths) if angle == 0 and across else 13 / np.sin(np.radians(angle)) if across else 13)
        self.assertLessEqual(needed, room, "labels need %.0f px each, have %.0f" % (needed, room))

    @staticmethod
    def vega_plot_length(chart, channel):
        """A facet panel's size as set; else the chart's less 60 px of axis (and less the legend, for x)."""
        panel = chart.get("spec")
        if panel is not None:
            return panel["width" if channel == "x" else "height"]
        if channel == "y":
            return chart["height"] - 40
        legend = 0
        colour = chart.get("encoding", {}).get("color") or {}
        if colour.get("type") == "nominal":
            legend = max(label_width(str(name), 10) for name in colour["scale"]["domain"]) + 40
        elif colour:
            legend = 60
        return chart["width"] - 60 - legend

    def test_a_date_axis_binned_into_months_shows_months_that_do_not_overlap(self):
        # A year of days (examples/weather.csv) and four (as vega-datasets' seattle-weather.csv): 12
        # and 48 months, the finest calendar step giving at most 50 cells.
        rng = np.random.default_rng(3)
        days = pd.date_range("2012-01-01", "2015-12-31", freq="D")
        four_years = pd.DataFrame({"date": days, "weather": rng.choice(["sun", "rain", "fog", "snow", "drizzle"], len(days))})
        charts = [(weather, dict(kind="heatmap", x="date", y=["weather"])),
                  (lambda: four_years, dict(kind="heatmap", x="date", y=["weather"]))]
        for data, months in zip(charts, (12, 48)):
            plan = grammar.plan(data[0](), spec(**GALLERY_SIZE, **data[1]))
            self.assertEqual(months, len(plan.x_order))
            self.assertEqual([], [label for label in plan.x_order if not re.fullmatch(r"[A-Z][a-z]{2} 20\d\d", label)])
        self.assert_no_overlap(charts, (GALLERY_SIZE, DEFAULT_SIZE))

    def test_long_labels_keep_their_start_and_end(self):
        self.assertEqual("a rather lo…me number 12", tick_fit.shortened("a rather long category name number 12"))
        self.assertEqual("short", tick_fit.shortened("short"))

    def test_the_check_sees_overlap(self):
        from matplotlib.figure import Figure

        fig = Figure(figsize=(2, 2))
        ax = fig.subplots()
        ax.set_xticks(range(10), ["label %d" % i for i in range(10)])
        self.assertTrue(overlapping_labels(fig))


if __name__ == "__main__":
    unittest.main()
