"""chartonpy.ipc_framing: exactly one Arrow IPC stream's bytes, cut from a pipe."""
import io
import os
import unittest

import bridge_support
from chartonpy.ipc_framing import FramingError, body_length_of, read_stream_bytes


class ReadStreamBytesTest(unittest.TestCase):
    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        import pyarrow.ipc  # noqa: F401

    def test_cuts_one_stream_and_leaves_the_next_bytes_in_the_pipe(self):
        table = bridge_support.java_like_table(self.pa, rows=100)
        one = bridge_support.stream_bytes(self.pa, table, batch_rows=30)
        pipe = io.BufferedReader(io.BytesIO(one + one + b"NEXT"))
        self.assertEqual(one, read_stream_bytes(pipe))
        self.assertEqual(one, read_stream_bytes(pipe))
        self.assertEqual(b"NEXT", pipe.read())
        self.assertTrue(self.pa.ipc.open_stream(one).read_all().equals(table))

    def test_dictionaries_and_empty_batches(self):
        table = self.pa.table({"c": self.pa.array(["a", "b", None, "a"]).dictionary_encode()})
        sink = io.BytesIO()
        with self.pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table.slice(0, 0))
            writer.write_table(table)
        data = sink.getvalue()
        self.assertEqual(data, read_stream_bytes(io.BytesIO(data + b"rest")))

    def test_every_stream_of_the_integration_corpus(self):
        streams = bridge_support.integration_streams(self)
        self.assertGreater(len(streams), 50)
        for path in streams:
            with self.subTest(stream=os.path.relpath(path, bridge_support.corpora_dir())):
                with open(path, "rb") as f:
                    data = f.read()
                self.assertEqual(data, read_stream_bytes(io.BytesIO(data + b"trailing")))

    def test_an_empty_input_is_eof_and_a_cut_stream_a_framing_error(self):
        with self.assertRaises(EOFError):
            read_stream_bytes(io.BytesIO(b""))
        data = bridge_support.stream_bytes(self.pa, bridge_support.java_like_table(self.pa))
        for cut in (2, 6, 20, len(data) - 9):
            with self.subTest(cut=cut), self.assertRaises(FramingError):
                read_stream_bytes(io.BytesIO(data[:cut]))

    def test_an_end_at_a_message_boundary_ends_the_stream(self):
        data = bridge_support.stream_bytes(self.pa, bridge_support.java_like_table(self.pa))
        without_eos = data[:-8]
        self.assertEqual(without_eos, read_stream_bytes(io.BytesIO(without_eos)))

    def test_text_is_not_a_stream(self):
        with self.assertRaises(FramingError):
            read_stream_bytes(io.BytesIO(b"a,b,c\n1,2,3\n"))

    def test_corrupt_metadata_is_a_framing_error(self):
        with self.assertRaises(FramingError):
            body_length_of(b"\xff\xff\xff\x7f")


if __name__ == "__main__":
    unittest.main()
