"""The built-in renderers: every kind on every renderer, every format, looked at in the output."""
import io
import json
import re
import unittest
from unittest import mock

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from PIL import Image

from chartdata import colour_count, pdf_pages, png_image, sales, spec, svg_root, table, vega_lite, weather
from chartonpy import figures, grammar, packages, renderers
from chartonpy.errors import UnavailableError, UsageError
from chartonpy.renderers import matplotlib_renderer, tick_fit

# One chart of each kind, from the repo's example data.
KINDS = {
    "line": (weather, {"x": "date", "y": ["temp_max", "temp_min"]}),
    "scatter": (weather, {"x": "temp_min", "y": ["temp_max"], "color": "weather"}),
    "bar": (sales, {"x": "region", "y": ["units"], "color": "product"}),
    "hist": (weather, {"y": ["temp_max"], "bins": 20}),
    "area": (sales, {"x": "month", "y": ["units"], "color": "product"}),
    "box": (weather, {"x": "weather", "y": ["wind"]}),
    "heatmap": (sales, {"x": "month", "y": ["region"], "color": "revenue", "agg": "sum"}),
}
VEGA_MARKS = {"line": ["line"], "scatter": ["circle"], "bar": ["bar"], "hist": ["bar"], "area": ["area"],
              "box": ["rule", "bar", "tick", "circle"],
              "heatmap": ["rect"]}


def pixels(image_bytes):
    return np.asarray(Image.open(io.BytesIO(image_bytes)).convert("RGB"))


def render(renderer, kind, fmt, **extra):
    data, options = KINDS[kind]
    return renderers.load(renderer).render(table(data()), spec(kind=kind, **options, **extra), fmt)


class MatplotlibFamily(unittest.TestCase):
    """matplotlib and seaborn: PNG, SVG, PDF and JPEG of exactly the requested size."""

    def test_every_kind_as_png(self):
        for renderer in ("matplotlib", "seaborn"):
            for kind in KINDS:
                with self.subTest(renderer=renderer, kind=kind):
                    data, media_type = render(renderer, kind, "png")
                    image = png_image(data)
                    self.assertEqual("image/png", media_type)
                    self.assertEqual((480, 320), image.size)
                    self.assertGreater(colour_count(image), 8, "a drawn chart, not a blank canvas")

    def test_svg_pdf_and_jpeg(self):
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                svg, _ = render(renderer, "line", "svg")
                root = svg_root(svg)
                self.assertEqual("345.6pt", root.get("width"))  # 480 px at 100 dpi
                self.assertGreater(len(re.findall(rb"<path", svg)), 10)
                pdf, media_type = render(renderer, "bar", "pdf")
                self.assertEqual(("application/pdf", 1), (media_type, pdf_pages(pdf)))
                jpg, media_type = render(renderer, "box", "jpg")
                self.assertEqual("image/jpeg", media_type)
                self.assertEqual(("JPEG", (480, 320)), (Image.open(io.BytesIO(jpg)).format, Image.open(io.BytesIO(jpg)).size))

    def test_the_same_chart_gives_the_same_bytes(self):
        for fmt in ("png", "svg", "pdf"):
            with self.subTest(fmt=fmt):
                self.assertEqual(render("seaborn", "line", fmt)[0], render("seaborn", "line", fmt)[0])
        svg = render("matplotlib", "scatter", "svg")[0]
        self.assertNotIn(b"<dc:date>", svg)
        self.assertNotIn(b"/CreationDate", render("matplotlib", "scatter", "pdf")[0])

    def test_a_raster_save_gives_the_pixels_of_savefigs_two_draws(self):
        # savefig draws a laid-out figure twice; export once (matplotlib_renderer.laid_out_once).
        for renderer in ("matplotlib", "seaborn"):
            module = renderers.load(renderer).module
            for kind, (data, options) in KINDS.items():
                for fmt in ("png", "jpg"):
                    with self.subTest(renderer=renderer, kind=kind, fmt=fmt):
                        plan = grammar.plan(data(), spec(kind=kind, **options))

                        def savefig(fig):
                            buffer = io.BytesIO()
                            fig.savefig(buffer, format="jpeg" if fmt == "jpg" else fmt, dpi=fig.dpi)
                            return buffer.getvalue()

                        with module.style(plan.spec):
                            once = matplotlib_renderer.export(module.draw(plan), fmt, plan.spec)
                            with matplotlib.rc_context(matplotlib_renderer.SAVE_SETTINGS):
                                twice = tick_fit.save(module.draw(plan), savefig, raster=True)
                        self.assertTrue(np.array_equal(pixels(once), pixels(twice)))

    def test_a_raster_save_of_a_figure_whose_labels_fit_draws_it_once(self):
        draw = Figure.draw
        for kind in ("scatter", "bar", "hist", "box"):
            with self.subTest(kind=kind):
                data, options = KINDS[kind]
                plan = grammar.plan(data(), spec(kind=kind, **options))
                fig = matplotlib_renderer.draw(plan)
                engine = fig.get_layout_engine()
                with mock.patch.object(Figure, "draw", autospec=True, side_effect=draw) as draws:
                    matplotlib_renderer.export(fig, "png", plan.spec)
                self.assertEqual(1, draws.call_count)
                self.assertIs(engine, fig.get_layout_engine())

    def test_dpi_scales_text_not_pixels(self):
        image = png_image(render("matplotlib", "line", "png", dpi=200)[0])
        self.assertEqual((480, 320), image.size)

    def test_facets_and_a_title(self):
        data = sales()
        figure = renderers.load("matplotlib").render(
            table(data), spec(kind="line", x="month", y=["units"], color="product", facet="region", title="Units"), "png")[0]
        self.assertEqual((480, 320), png_image(figure).size)
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                drawn = self._figure(renderer, data, kind="bar", x="month", y=["units"], facet="region", title="Units")
                self.assertEqual(4, len(drawn.axes))
                self.assertEqual("region = East", drawn.axes[0].get_title())
                self.assertEqual("Units", drawn._suptitle.get_text())
                self.assertEqual(("month", "sum of units"), (drawn._supxlabel.get_text(), drawn._supylabel.get_text()))
                self.assertEqual({""}, {ax.get_xlabel() for ax in drawn.axes} | {ax.get_ylabel() for ax in drawn.axes})

    def test_dates_get_concise_labels_in_the_datas_zone(self):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.dates import ConciseDateFormatter

        times = pd.date_range("2025-06-01", periods=48, freq="h", tz="America/New_York")
        frame = pd.DataFrame({"t": times, "v": np.arange(48.0)})
        for renderer in ("matplotlib", "seaborn"):
            with self.subTest(renderer=renderer):
                figure = self._figure(renderer, frame, kind="line", x="t", y=["v"])
                FigureCanvasAgg(figure).draw()
                ax = figure.axes[0]
                self.assertIsInstance(ax.xaxis.get_major_formatter(), ConciseDateFormatter)
                labels = [label.get_text() for label in ax.get_xticklabels()]
                # Midnight in New York, not in UTC, starts each day (seaborn's larger text fits fewer ticks).
                self.assertEqual(["Jun-01", "Jun-02"], [label for label in labels if label.startswith("Jun")][:2])
                self.assertEqual("Jun-01", labels[0])
                self.assertLessEqual({label for label in labels if ":" in label}, {"06:00", "12:00", "18:00"})
                self.assertEqual("t (America/New_York)", ax.get_xlabel())

    def test_log_scales_and_labels(self):
        ax = self._figure("matplotlib", weather(), kind="scatter", x="wind", y=["precipitation"], log_y=True,
                          xlabel="Wind (m/s)").axes[0]
        self.assertEqual(("linear", "log"), (ax.get_xscale(), ax.get_yscale()))
        self.assertEqual("Wind (m/s)", ax.get_xlabel())

    def test_long_lines_are_simplified_when_saved(self):
        noise = np.random.default_rng(1).normal(size=200_000).cumsum()
        frame = pd.DataFrame({"i": np.arange(len(noise)), "v": noise})
        svg = renderers.load("matplotlib").render(table(frame), spec(kind="line", x="i", y=["v"]), "svg")[0]
        vertices = max(len(re.findall(rb"[ML] ?-?[\d.]+ -?[\d.]+", path)) for path in re.findall(rb'd="[^"]+"', svg))
        self.assertLess(vertices, len(noise) / 10, "path simplification keeps a small path")

    def test_themes_and_their_errors(self):
        for renderer, theme in (("matplotlib", "ggplot"), ("matplotlib", "dark"), ("seaborn", "whitegrid"),
                                ("seaborn", "light")):
            with self.subTest(renderer=renderer, theme=theme):
                self.assertEqual((480, 320), png_image(render(renderer, "bar", "png", theme=theme)[0]).size)
        with self.assertRaisesRegex(UsageError, "seaborn has no theme 'neon' \\(themes: .*darkgrid"):
            render("seaborn", "bar", "png", theme="neon")

    def test_unsupported_formats_list_the_renderers_formats(self):
        with self.assertRaisesRegex(UsageError, "^seaborn cannot write html; its formats are png, svg, pdf, jpg$"):
            render("seaborn", "line", "html")

    def test_params_are_refused_by_built_in_renderers(self):
        with self.assertRaisesRegex(UsageError, "--param is for --script"):
            render("matplotlib", "line", "png", params={"a": "1"})

    def _figure(self, renderer, frame, **options):
        module = renderers.load(renderer).module
        chart = spec(**options)
        with module.style(chart):
            return module.draw(grammar.plan(frame, chart))


class Altair(unittest.TestCase):
    def test_every_kind_as_vega_lite_json_with_inline_data(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                data, media_type = render("altair", kind, "json")
                chart, rows = vega_lite(data)
                self.assertEqual("application/json", media_type)
                marks = [layer["mark"]["type"] for layer in chart["layer"]] if "layer" in chart else [chart["mark"]["type"]]
                self.assertEqual(VEGA_MARKS[kind], marks)
                self.assertGreater(len(rows), 0)

    def test_rows_fields_and_labels(self):
        chart, rows = vega_lite(render("altair", "scatter", "json")[0])
        self.assertEqual(365, len(rows))
        self.assertEqual({"x", "y", "series"}, set(rows[0]))
        self.assertEqual("temp_min", chart["encoding"]["x"]["title"])
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], chart["encoding"]["color"]["scale"]["domain"])
        self.assertEqual((480, 320), (chart["width"], chart["height"]))

    def test_stacks_put_the_first_series_at_the_bottom(self):
        chart, rows = vega_lite(render("altair", "area", "json")[0])
        self.assertEqual({"field": "rank", "type": "quantitative"}, chart["encoding"]["order"])
        self.assertEqual({"cocoa": 0, "coffee": 1, "tea": 2}, {row["series"]: row["rank"] for row in rows})

    def test_the_five_thousand_row_limit_is_lifted(self):
        frame = pd.DataFrame({"i": np.arange(12_000), "v": np.sin(np.arange(12_000) / 100)})
        data = renderers.load("altair").render(table(frame), spec(kind="line", x="i", y=["v"]), "json")[0]
        self.assertEqual(12_000, len(vega_lite(data)[1]))
        self.assertNotIn(b"\n", data, "compact JSON past the readable size")
        self.assertIn(b'\n  "$schema"', render("altair", "bar", "json")[0], "indented JSON for small charts")

    def test_html_embeds_the_chart(self):
        # From a CDN: the inline scripts are put beside the Python side by the build (AltairHtmlIT).
        page = render("altair", "bar", "html", html_scripts="cdn")[0].decode("utf-8")
        self.assertIn("vegaEmbed", page)
        self.assertIn('"North"', page)
        self.assertTrue(page.lstrip().lower().startswith("<!doctype html>"))

    def test_facets_title_and_log_scale(self):
        data = sales()
        chart, _ = vega_lite(renderers.load("altair").render(
            table(data), spec(kind="line", x="month", y=["units"], facet="region", title="Units", log_y=True), "json")[0])
        self.assertEqual(["East", "North", "South", "West"], chart["facet"]["sort"])
        self.assertEqual(2, chart["columns"])
        self.assertEqual("Units", chart["title"])
        self.assertEqual("log", chart["spec"]["encoding"]["y"]["scale"]["type"])

    def test_tz_aware_times_are_written_as_wall_clock_times(self):
        times = pd.date_range("2025-01-01 09:00", periods=3, freq="h", tz="Asia/Tokyo")
        frame = pd.DataFrame({"t": times, "v": [1.0, 2.0, 3.0]})
        chart, rows = vega_lite(renderers.load("altair").render(table(frame), spec(kind="line", x="t", y=["v"]), "json")[0])
        self.assertEqual("temporal", chart["encoding"]["x"]["type"])
        self.assertTrue(rows[0]["x"].startswith("2025-01-01T09:00:00"), rows[0]["x"])

    def test_static_images_need_vl_convert(self):
        if packages.missing(["vl-convert-python"]):
            with self.assertRaisesRegex(UnavailableError, "altair writes png through vl-convert-python, which is "
                                                          "not installed; install it with: .* -m pip install vl-convert-python"):
                render("altair", "line", "png")
        else:
            self.assertEqual((480, 320), png_image(render("altair", "line", "png")[0]).size)
        with self.assertRaisesRegex(UsageError, "altair cannot write jpg; its formats are json, html, svg, png, pdf"):
            render("altair", "line", "jpg")

    def test_themes(self):
        chart, _ = vega_lite(render("altair", "bar", "json", theme="dark")[0])
        self.assertEqual("dark", chart["usermeta"]["embedOptions"]["theme"])
        with self.assertRaisesRegex(UsageError, "altair has no theme"):
            render("altair", "bar", "json", theme="neon")


class Plotly(unittest.TestCase):
    def test_every_kind_as_plotly_json(self):
        expected = {"line": "scatter", "scatter": "scatter", "bar": "bar", "hist": "bar", "area": "scatter",
                    "box": "box", "heatmap": "heatmap"}
        for kind in KINDS:
            with self.subTest(kind=kind):
                data, media_type = render("plotly", kind, "json")
                figure = json.loads(data)
                self.assertEqual("application/json", media_type)
                self.assertIn(expected[kind], {trace["type"].replace("gl", "") for trace in figure["data"]})
                self.assertEqual((480, 320), (figure["layout"]["width"], figure["layout"]["height"]))

    def test_category_labels_stay_categories(self):
        figure = json.loads(render("plotly", "heatmap", "json")[0])
        self.assertEqual(("category", "category"), (figure["layout"]["xaxis"]["type"], figure["layout"]["yaxis"]["type"]))
        self.assertEqual("2025-01", figure["data"][0]["x"][0])

    def test_series_become_traces_in_order(self):
        figure = json.loads(render("plotly", "scatter", "json")[0])
        self.assertEqual(["drizzle", "fog", "rain", "snow", "sun"], [t["name"] for t in figure["data"]])
        self.assertEqual("temp_min", figure["layout"]["xaxis"]["title"]["text"])

    def test_html_is_self_contained_and_stable(self):
        page, media_type = render("plotly", "line", "html")
        self.assertEqual("text/html", media_type)
        text = page.decode("utf-8")
        self.assertIn('id="charton-figure"', text)
        self.assertIn("Plotly.newPlot", text)
        self.assertIn("plotly.js v", text[:2000], "plotly.js is inside the page")
        self.assertIsNone(re.search(r"<script[^>]*\bsrc=", text), "no script is loaded from elsewhere")
        self.assertTrue(page == render("plotly", "line", "html")[0], "the same chart gives the same page")

    def test_facets_log_scale_and_theme(self):
        figure = json.loads(renderers.load("plotly").render(
            table(sales()), spec(kind="line", x="month", y=["units"], facet="region", log_y=True, theme="dark"), "json")[0])
        texts = sorted(a["text"] for a in figure["layout"]["annotations"])
        self.assertEqual(["region=East", "region=North", "region=South", "region=West"], texts)
        self.assertEqual("log", figure["layout"]["yaxis"]["type"])
        self.assertEqual("rgb(17,17,17)", figure["layout"]["template"]["layout"]["paper_bgcolor"])

    def test_static_images_need_kaleido(self):
        if packages.missing(["kaleido"]):
            with self.assertRaisesRegex(UnavailableError, "plotly writes pdf through kaleido, which is not installed"):
                render("plotly", "line", "pdf")
        else:
            self.assertEqual(1, pdf_pages(render("plotly", "line", "pdf")[0]))
        with self.assertRaisesRegex(UsageError, "plotly cannot write jpg; its formats are html, json, png, svg, pdf"):
            render("plotly", "line", "jpg")


class Registry(unittest.TestCase):
    def test_missing_packages_are_pip_names(self):
        self.assertEqual([], renderers.missing_packages("seaborn"))
        self.assertEqual("vl_convert", packages.import_name("vl-convert-python"))

    def test_unknown_renderer_lists_the_available_ones(self):
        with self.assertRaisesRegex(UsageError, "unknown renderer 'ggplot' \\(available: altair, matplotlib, plotly, seaborn"):
            renderers.load("ggplot")
        with self.assertRaisesRegex(UsageError, "unknown renderer 'seaborne'; did you mean 'seaborn'\\? \\(available: "):
            renderers.load("seaborne")

    def test_every_family_lists_its_formats(self):
        self.assertEqual(("png", "svg", "pdf", "jpg"), figures.FAMILIES["matplotlib"].formats)
        for family in figures.FAMILIES.values():
            self.assertTrue(set(family.needs) <= set(family.formats))


if __name__ == "__main__":
    unittest.main()
