"""chartonpy.ingest: pyarrow reads one stream, leaves the pipe at the next request, and a missing
pyarrow is one clear 'unavailable' error."""
import io
import sys
import unittest
from unittest import mock

import bridge_support
from chartonpy import ingest
from chartonpy.errors import DataError, UnavailableError


class ReadTableTest(unittest.TestCase):
    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        import pyarrow.ipc  # noqa: F401

        self.table = bridge_support.java_like_table(self.pa, rows=64)
        self.data = bridge_support.stream_bytes(self.pa, self.table, batch_rows=20)

    def test_one_stream_is_read_and_the_pipe_is_left_at_the_next_request(self):
        pipe = io.BufferedReader(io.BytesIO(self.data + self.data + b"NEXT"))
        first = ingest.read_table(pipe)
        second = ingest.read_table(pipe)
        self.assertEqual(b"NEXT", pipe.read(), "the reader must stop right after the end-of-stream marker")
        self.assertTrue(first.arrow.equals(self.table))
        self.assertEqual(64, second.num_rows)
        self.assertEqual(list(self.table.column_names), list(first.frame.columns))

    def test_dictionary_columns_become_categoricals(self):
        pa = self.pa
        table = pa.table({"c": pa.array(["b", "a", None, "b"]).dictionary_encode()})
        frame = ingest.read_table(io.BytesIO(bridge_support.stream_bytes(pa, table, batch_rows=4))).frame
        self.assertEqual("category", str(frame["c"].dtype))
        self.assertEqual(["b", "a", None, "b"], [None if v != v else v for v in frame["c"].astype(object)])

    def test_a_corrupt_stream_is_a_data_error(self):
        with self.assertRaisesRegex(DataError, "could not be read as an Arrow stream"):
            ingest.read_table(io.BytesIO(self.data[: len(self.data) // 2]))

    def test_without_pyarrow_reading_is_unavailable_and_names_the_install_command(self):
        with mock.patch.dict(sys.modules, {"pyarrow": None}):
            with self.assertRaisesRegex(UnavailableError, r"pyarrow, which is not installed; .* -m pip install pyarrow"):
                ingest.read_table(io.BytesIO(self.data))

    def test_the_reader_status_names_pyarrow(self):
        self.assertEqual("pyarrow", ingest.reader_status()[0])


if __name__ == "__main__":
    unittest.main()
