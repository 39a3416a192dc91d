"""chartonpy.ingest: the three Arrow readers agree, and each leaves the pipe at the next request."""
import io
import os
import sys
import unittest
from unittest import mock

import bridge_support
from chartonpy import ingest
from chartonpy.errors import DataError, UnavailableError


def assert_same_frame(test, expected, actual):
    import pandas as pd

    test.assertEqual(list(expected.columns), list(actual.columns))
    for name in expected.columns:
        with test.subTest(column=name):
            pd.testing.assert_series_equal(expected[name], actual[name], check_dtype=True)


class ReadersAgreeTest(unittest.TestCase):
    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        import pyarrow.ipc  # noqa: F401

        self.table = bridge_support.java_like_table(self.pa, rows=64)
        self.data = bridge_support.stream_bytes(self.pa, self.table, batch_rows=20)
        self.expected = ingest.read_table(io.BytesIO(self.data), "pyarrow").frame

    def read_twice(self, reader):
        pipe = io.BufferedReader(io.BytesIO(self.data + self.data + b"NEXT"))
        first = ingest.read_table(pipe, reader)
        second = ingest.read_table(pipe, reader)
        self.assertEqual(b"NEXT", pipe.read(), "the reader must stop right after the end-of-stream marker")
        return first, second

    def test_pyarrow_keeps_the_arrow_table_and_builds_the_frame_on_demand(self):
        first, second = self.read_twice("pyarrow")
        self.assertTrue(first.arrow.equals(self.table))
        self.assertEqual(64, second.num_rows)
        self.assertEqual("pyarrow", first.reader)
        self.assertEqual(list(self.table.column_names), list(first.frame.columns))

    def test_builtin_matches_pyarrow(self):
        first, second = self.read_twice("builtin")
        assert_same_frame(self, self.expected, first.frame)
        assert_same_frame(self, self.expected, second.frame)

    def test_polars_matches_pyarrow(self):
        bridge_support.require_module(self, "polars")
        first, second = self.read_twice("polars")
        self.assertEqual(64, first.num_rows)
        assert_same_frame(self, self.expected, first.frame)
        assert_same_frame(self, self.expected, second.frame)

    def test_polars_works_without_pyarrow(self):
        bridge_support.require_module(self, "polars")
        with mock.patch.dict(sys.modules, {"pyarrow": None}):
            frame = ingest.read_table(io.BytesIO(self.data), "polars").frame
        assert_same_frame(self, self.expected, frame)

    def test_dictionary_columns_become_categoricals_in_every_reader(self):
        pa = self.pa
        table = pa.table({"c": pa.array(["x", "y", None, "x", "z"]).dictionary_encode(), "v": [1, 2, 3, 4, 5]})
        data = bridge_support.stream_bytes(pa, table)
        for reader in self.available_readers():
            with self.subTest(reader=reader):
                frame = ingest.read_table(io.BytesIO(data), reader).frame
                self.assertEqual("category", str(frame["c"].dtype))
                self.assertEqual(["x", "y", None, "x", "z"],
                                 [None if v != v else v for v in frame["c"].astype(object).tolist()])

    def test_a_corrupt_stream_is_a_data_error_naming_the_reader(self):
        broken = self.data[:len(self.data) // 2]
        for reader in self.available_readers():
            with self.subTest(reader=reader):
                with self.assertRaisesRegex(DataError, reader):
                    ingest.read_table(io.BytesIO(broken), reader)

    def available_readers(self):
        polars = bridge_support.optional_module(self, "polars")
        return ["pyarrow", "builtin"] + (["polars"] if polars else [])


class ChooseReaderTest(unittest.TestCase):
    def test_pyarrow_comes_first(self):
        bridge_support.require_module(self, "pyarrow")
        self.assertEqual("pyarrow", ingest.choose_reader({})[0])

    def test_without_pyarrow_polars_then_builtin(self):
        with mock.patch.dict(sys.modules, {"pyarrow": None, "polars": None}):
            self.assertEqual(("builtin", "neither pyarrow nor polars is importable"), ingest.choose_reader({}))
        bridge_support.require_module(self, "polars")
        with mock.patch.dict(sys.modules, {"pyarrow": None}):
            self.assertEqual("polars", ingest.choose_reader({})[0])

    def test_the_environment_forces_a_reader(self):
        self.assertEqual("builtin", ingest.choose_reader({"CHARTON_ARROW_READER": "builtin"})[0])
        self.assertIn("forced", ingest.choose_reader({"CHARTON_ARROW_READER": " Builtin "})[1])

    def test_an_unknown_or_missing_forced_reader_is_unavailable(self):
        with self.assertRaisesRegex(UnavailableError, "expected one of pyarrow, polars, builtin"):
            ingest.choose_reader({"CHARTON_ARROW_READER": "feather"})
        with mock.patch.dict(sys.modules, {"polars": None}):
            with self.assertRaisesRegex(UnavailableError, "polars is not installed"):
                ingest.choose_reader({"CHARTON_ARROW_READER": "polars"})

    def test_the_default_environment_is_the_process_environment(self):
        with mock.patch.dict(os.environ, {"CHARTON_ARROW_READER": "builtin"}):
            self.assertEqual("builtin", ingest.choose_reader()[0])


if __name__ == "__main__":
    unittest.main()
