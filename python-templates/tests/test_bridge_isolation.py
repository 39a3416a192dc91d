"""chartonpy.isolation: each thing a request may change is put back afterwards."""
import builtins
import os
import random
import sys
import tempfile
import unittest
import warnings

import bridge_support
from chartonpy import isolation, plugins


class SnapshotRestoresTest(unittest.TestCase):
    def run_request(self, change, user_roots=()):
        snapshot = isolation.Snapshot(user_roots)
        with isolation.catch_warnings():
            change()
        snapshot.restore()

    def test_working_directory(self):
        before = os.getcwd()
        self.run_request(lambda: os.chdir(tempfile.gettempdir()))
        self.assertEqual(before, os.getcwd())

    def test_environment_added_changed_and_removed(self):
        os.environ["CHARTON_KEEP"] = "original"

        def change():
            os.environ["CHARTON_NEW"] = "1"
            os.environ["CHARTON_KEEP"] = "changed"
            del os.environ["PATH"]
        try:
            path = os.environ["PATH"]
            self.run_request(change)
            self.assertNotIn("CHARTON_NEW", os.environ)
            self.assertEqual("original", os.environ["CHARTON_KEEP"])
            self.assertEqual(path, os.environ["PATH"])
        finally:
            del os.environ["CHARTON_KEEP"]

    def test_sys_path_argv_streams_and_recursion_limit(self):
        path, argv, stdout, limit = list(sys.path), list(sys.argv), sys.stdout, sys.getrecursionlimit()
        devnull = open(os.devnull, "w")
        self.addCleanup(devnull.close)

        def change():
            sys.path.insert(0, "/nowhere")
            sys.argv.append("--x")
            sys.stdout = devnull
            sys.setrecursionlimit(limit + 50)
        self.run_request(change)
        self.assertEqual(path, sys.path)
        self.assertEqual(argv, sys.argv)
        self.assertIs(stdout, sys.stdout)
        self.assertEqual(limit, sys.getrecursionlimit())

    def test_builtins_and_main_globals(self):
        original_len = builtins.len

        def change():
            builtins.charton_leak = 1
            builtins.len = lambda x: 0
            sys.modules["__main__"].charton_leak = 2
        self.run_request(change)
        self.assertFalse(hasattr(builtins, "charton_leak"))
        self.assertIs(original_len, builtins.len)
        self.assertFalse(hasattr(sys.modules["__main__"], "charton_leak"))

    def test_warnings_filters(self):
        filters = list(warnings.filters)
        self.run_request(lambda: warnings.simplefilter("error"))
        self.assertEqual(filters, warnings.filters)

    def test_user_modules_are_forgotten_and_library_modules_kept(self):
        with tempfile.TemporaryDirectory() as root:
            with open(os.path.join(root, "charton_user_helper.py"), "w") as f:
                f.write("value = 1\n")

            def change():
                sys.path.append(root)
                import charton_user_helper  # noqa: F401
                import colorsys  # noqa: F401  (standard library: stays)
            sys.modules.pop("colorsys", None)
            self.run_request(change, user_roots=[root])
            self.assertNotIn("charton_user_helper", sys.modules)
            self.assertIn("colorsys", sys.modules)

    def test_template_directories_count_as_user_code(self):
        with tempfile.TemporaryDirectory() as root:
            os.environ[plugins.ENVIRONMENT] = root + os.pathsep + "/elsewhere"
            try:
                snapshot = isolation.Snapshot()
                self.assertIn(os.path.join(os.path.realpath(root), ""), snapshot.user_roots)
                self.assertIn(os.path.join(os.path.realpath("/elsewhere"), ""), snapshot.user_roots)
            finally:
                del os.environ[plugins.ENVIRONMENT]

    def test_random_seeds_are_fresh(self):
        def seed():
            random.seed(99)
        self.run_request(seed)
        self.assertNotEqual(random.Random(99).random(), random.random())

    def test_numpy_random_seed_is_fresh(self):
        numpy = bridge_support.require_module(self, "numpy")
        import numpy.random  # noqa: F401
        self.run_request(lambda: numpy.random.seed(99))
        self.assertNotEqual(numpy.random.RandomState(99).random_sample(), numpy.random.random_sample())

    def test_matplotlib_figures_and_rcparams(self):
        matplotlib = bridge_support.require_module(self, "matplotlib")
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        linewidth, facecolor = matplotlib.rcParams["lines.linewidth"], matplotlib.rcParams["axes.facecolor"]

        def change():
            plt.style.use("ggplot")
            matplotlib.rcParams["lines.linewidth"] = 42.0
            plt.figure()
            plt.figure()
        self.run_request(change)
        self.assertEqual([], plt.get_fignums())
        self.assertEqual(linewidth, matplotlib.rcParams["lines.linewidth"])
        self.assertEqual(facecolor, matplotlib.rcParams["axes.facecolor"])
        self.assertEqual("agg", matplotlib.get_backend().lower())

    def test_pandas_options(self):
        pandas = bridge_support.require_module(self, "pandas")
        rows = pandas.get_option("display.max_rows")
        self.run_request(lambda: pandas.set_option("display.max_rows", 3))
        self.assertEqual(rows, pandas.get_option("display.max_rows"))


if __name__ == "__main__":
    unittest.main()
