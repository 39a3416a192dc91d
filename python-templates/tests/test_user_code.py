"""User scripts (--script) and template plugins (--templates-dir, CHARTON_TEMPLATES), and the catalog."""
import json
import os
import tempfile
import textwrap
import unittest
from unittest import mock

from chartdata import pdf_pages, png_image, spec, table, vega_lite, weather
from chartonpy import plugins, renderers
from chartonpy.errors import UsageError
from chartonpy.worker import describe


def raised(function, *args):
    """The exception ``function(*args)`` raises, traceback kept (assertRaises drops it)."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001  (any error is what is looked at)
        return error
    raise AssertionError("no exception was raised")


class UserFiles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="charton-user-code-")
        renderers._loaded.clear()  # plugins are cached per worker; every test has its own files
        self.addCleanup(renderers._loaded.clear)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(textwrap.dedent(text))
        return path


class Scripts(UserFiles):
    def run_script(self, text, fmt="png", params=None, frame=None):
        path = self.write("plot.py", text)
        chart = spec(script=path, params=params or {})
        return renderers.load("script").render(table(weather() if frame is None else frame), chart, fmt)

    def test_df_table_and_params_are_in_scope(self):
        data, media_type = self.run_script("""
            import matplotlib.pyplot as plt
            assert type(table).__name__ == "Table" and table.num_rows == len(df) == 365
            fig, ax = plt.subplots()
            ax.plot(df["date"], df["temp_max"].rolling(int(params["window"])).mean())
            """, params={"window": "7"})
        self.assertEqual("image/png", media_type)
        self.assertEqual((480, 320), png_image(data).size, "the requested size is matplotlib's default")

    def test_fig_wins_over_chart_and_render(self):
        data, _ = self.run_script("""
            import altair as alt
            import matplotlib.pyplot as plt
            chart = alt.Chart(df).mark_point()
            fig = plt.figure()
            def render(df, params):
                raise AssertionError("not called when fig is set")
            """)
        png_image(data)

    def test_chart_is_saved_by_its_library(self):
        data, media_type = self.run_script("""
            import altair as alt
            chart = alt.Chart(df).mark_line().encode(x="date:T", y="temp_max:Q")
            """, fmt="json")
        self.assertEqual("application/json", media_type)
        self.assertEqual(365, len(vega_lite(data)[1]), "altair's row limit does not apply")

    def test_render_function_gets_df_and_params(self):
        data, _ = self.run_script("""
            import plotly.express as px
            def render(df, params):
                return px.line(df, x="date", y=params["column"])
            """, fmt="json", params={"column": "wind"})
        self.assertEqual("wind", json.loads(data)["layout"]["yaxis"]["title"]["text"])

    def test_the_current_matplotlib_figure_is_the_last_resort(self):
        data, _ = self.run_script("""
            import matplotlib.pyplot as plt
            plt.plot(df["wind"])
            """, fmt="pdf")
        self.assertEqual(1, pdf_pages(data))

    def test_bytes_are_written_as_they_are(self):
        data, media_type = self.run_script('fig = b"<svg xmlns=\'http://www.w3.org/2000/svg\'/>"', fmt="svg")
        self.assertEqual((b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"), (data, media_type))

    def test_a_script_without_a_figure_says_how_to_make_one(self):
        with self.assertRaisesRegex(UsageError, "made no figure: assign it to fig or chart"):
            self.run_script("x = 1\n")

    def test_a_figure_charton_cannot_save_is_named(self):
        with self.assertRaisesRegex(UsageError, "produced a builtins.dict, which charton cannot save"):
            self.run_script("fig = {'a': 1}\n")

    def test_an_error_inside_a_library_points_at_the_scripts_line(self):
        error = raised(self.run_script, """
            import pandas as pd

            values = df["no_such_column"]
            """)
        self.assertIsInstance(error, KeyError)
        report = describe(error)
        self.assertEqual("plot.py:4", report["where"])
        self.assertEqual(os.path.join(self.dir, "plot.py"), report["file"])
        self.assertEqual("software", report["category"])

    def test_an_error_in_render_points_at_render(self):
        error = raised(self.run_script, """
            def render(df, params):
                return 1 / 0
            """)
        self.assertEqual(("ZeroDivisionError", "plot.py:3"), (describe(error)["type"], describe(error)["where"]))

    def test_a_syntax_error_points_at_its_line(self):
        report = describe(raised(self.run_script, "x = 1\ny = (\nz = 2\n"))
        self.assertEqual("SyntaxError", report["type"])
        self.assertEqual("plot.py:2", report["where"])
        self.assertIn("never closed", report["message"])

    def test_scripts_import_modules_beside_them(self):
        self.write("house.py", "COLOUR = 'tab:red'\n")
        data, _ = self.run_script("""
            import matplotlib.pyplot as plt
            import house
            fig, ax = plt.subplots()
            ax.plot(df["wind"], color=house.COLOUR)
            """)
        png_image(data)

    def test_figures_do_not_leak_into_the_next_request(self):
        import matplotlib.pyplot as plt

        self.run_script("import matplotlib.pyplot as plt\nplt.plot([1, 2])\n")
        self.assertEqual([], plt.get_fignums())


class Plugins(UserFiles):
    def environ(self, *dirs):
        return {plugins.ENVIRONMENT: os.pathsep.join(dirs)}

    def test_any_file_defining_render_is_a_template(self):
        self.write("house.py", '"""House style."""\nimport matplotlib\n\ndef render(df, spec):\n    pass\n')
        self.write("notes.py", "X = 1\n")
        self.write("_private.py", "def render(df, spec):\n    pass\n")
        found = plugins.discover(self.environ(self.dir))
        self.assertEqual(["house"], sorted(found))
        self.assertEqual("House style.", found["house"].description)
        self.assertEqual("matplotlib", found["house"].family)

    def test_earlier_directories_win(self):
        first = self.write("a/house.py", "def render(df, spec):\n    return b'first'\n")
        second = self.write("b/house.py", "def render(df, spec):\n    return b'second'\n")
        found = plugins.discover(self.environ(os.path.dirname(first), os.path.dirname(second), "/no/such/dir"))
        self.assertEqual(first, found["house"].path)
        self.assertEqual([second], found["house"].hidden_by)

    def test_a_plugin_renders_through_the_registry(self):
        self.write("house.py", """
            \"\"\"Grey lines, big title.\"\"\"
            import matplotlib.pyplot as plt

            def render(df, spec):
                fig, ax = plt.subplots()
                ax.plot(df[spec.x], df[spec.y[0]], color="0.3")
                ax.set_title(spec.title or spec.params.get("title", ""), fontsize=20)
                return fig
            """)
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            data, media_type = renderers.load("house").render(
                table(weather()), spec(x="date", y=["temp_max"], params={"title": "Max"}), "png")
            self.assertIn("house", renderers.names())
        self.assertEqual(((480, 320), "image/png"), (png_image(data).size, media_type))

    def test_plugins_may_return_any_figure_family(self):
        self.write("vega.py", "import altair as alt\n\ndef render(df, spec):\n"
                              "    return alt.Chart(df).mark_bar().encode(x='weather', y='count()')\n")
        self.write("interactive.py", "import plotly.express as px\n\ndef render(df, spec):\n"
                                     "    return px.histogram(df, x='wind')\n")
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            vega, _ = renderers.load("vega").render(table(weather()), spec(), "json")
            page, _ = renderers.load("interactive").render(table(weather()), spec(), "html")
            with self.assertRaisesRegex(UsageError, "^vega cannot write jpg; its formats are json, html, svg, png, pdf$"):
                renderers.load("vega").render(table(weather()), spec(), "jpg")
        self.assertEqual("bar", vega_lite(vega)[0]["mark"]["type"])
        self.assertIn(b"Plotly.newPlot", page)

    def test_declared_formats_are_enforced(self):
        self.write("only_svg.py", "FORMATS = ('svg',)\n\ndef render(df, spec):\n    return '<svg/>'\n")
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            with self.assertRaisesRegex(UsageError, "only_svg cannot write png; its formats are svg"):
                renderers.load("only_svg").render(table(weather()), spec(), "png")
            self.assertEqual(b"<svg/>", renderers.load("only_svg").render(table(weather()), spec(), "svg")[0])

    def test_a_plugin_error_points_into_the_plugin(self):
        self.write("failing.py", "def render(df, spec):\n    return df['nope']\n")
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            error = raised(renderers.load("failing").render, table(weather()), spec(), "png")
        self.assertEqual(("KeyError", "failing.py:2"), (describe(error)["type"], describe(error)["where"]))

    def test_a_broken_plugin_is_listed_and_fails_at_its_line(self):
        self.write("broken.py", "def render(df, spec)\n    pass\n")
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            row = next(r for r in renderers.catalog() if r["name"] == "broken")
            self.assertEqual("broken: line 1: expected ':'", row["status"])
            error = raised(renderers.load, "broken")
        self.assertEqual(("SyntaxError", "broken.py:1"), (describe(error)["type"], describe(error)["where"]))

    def test_missing_imports_are_reported_before_running(self):
        self.write("needs.py", "import charton_no_such_module\nimport os\n\ndef render(df, spec):\n    pass\n")
        with mock.patch.dict(os.environ, self.environ(self.dir)):
            self.assertEqual(["charton_no_such_module"], renderers.missing_packages("needs"))
            row = next(r for r in renderers.catalog() if r["name"] == "needs")
        self.assertEqual("needs charton_no_such_module", row["status"])


class Catalog(UserFiles):
    def test_the_catalog_renderer_lists_every_renderer_as_json(self):
        self.write("house.py", '"""House."""\nimport seaborn\n\ndef render(df, spec):\n    pass\n')
        self.write("seaborn.py", 'def render(df, spec):\n    pass\n')
        with mock.patch.dict(os.environ, {plugins.ENVIRONMENT: self.dir}):
            data, media_type = renderers.load(renderers.CATALOG).render(None, spec(), "json")
        listing = json.loads(data)
        self.assertEqual("application/json", media_type)
        self.assertEqual([self.dir], listing["template_dirs"])
        rows = {row["name"]: row for row in listing["renderers"] if row["origin"] == "built-in"}
        self.assertEqual(["matplotlib", "seaborn", "altair", "plotly"], list(rows))
        self.assertEqual(["png", "svg", "pdf", "jpg"], rows["matplotlib"]["formats"])
        self.assertEqual("ready", rows["matplotlib"]["status"])
        plugin_rows = {row["name"]: row for row in listing["renderers"] if row["origin"] != "built-in"}
        self.assertEqual(("House.", ["png", "svg", "pdf", "jpg"]),
                         (plugin_rows["house"]["description"], plugin_rows["house"]["formats"]))
        self.assertEqual("hidden by the built-in renderer of that name", plugin_rows["seaborn"]["status"])

    def test_formats_needing_an_absent_package_are_named(self):
        row = next(r for r in renderers.catalog() if r["name"] == "plotly")
        if row["unavailable_formats"]:
            self.assertEqual("ready; png, svg, pdf need kaleido", row["status"])
        else:
            self.assertEqual("ready", row["status"])


if __name__ == "__main__":
    unittest.main()
