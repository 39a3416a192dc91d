"""The frame format of docs/protocol.md, Python side."""
import io
import struct
import unittest

import bridge_support  # noqa: F401  (puts chartonpy on the path)
from chartonpy import protocol


class FrameTest(unittest.TestCase):
    def test_a_frame_is_kind_length_and_json(self):
        out = io.BytesIO()
        protocol.write_frame(out, protocol.REQUEST, {"id": 1, "text": "é"})
        raw = out.getvalue()
        self.assertEqual(b"RQST", raw[:4])
        (length,) = struct.unpack(">I", raw[4:8])
        self.assertEqual(len(raw) - 8, length)
        self.assertEqual((b"RQST", {"id": 1, "text": "é"}), protocol.read_frame(io.BytesIO(raw)))

    def test_a_response_carries_its_payload_length(self):
        out = io.BytesIO()
        protocol.write_response(out, {"status": "ok"}, b"\x89PNG-bytes")
        stream = io.BytesIO(out.getvalue())
        kind, header = protocol.read_frame(stream)
        self.assertEqual(protocol.RESPONSE, kind)
        self.assertEqual(10, header["length"])
        self.assertEqual(b"\x89PNG-bytes", stream.read())

    def test_frames_follow_each_other_and_a_clean_end_is_none(self):
        out = io.BytesIO()
        protocol.write_frame(out, protocol.HELLO, {"n": 1})
        protocol.write_frame(out, protocol.PROBE, {"n": 2})
        stream = io.BytesIO(out.getvalue())
        self.assertEqual({"n": 1}, protocol.read_frame(stream)[1])
        self.assertEqual({"n": 2}, protocol.read_frame(stream)[1])
        self.assertIsNone(protocol.read_frame(stream))

    def test_a_cut_frame_is_a_protocol_error(self):
        out = io.BytesIO()
        protocol.write_frame(out, protocol.REQUEST, {"id": 1})
        for cut in (3, 8, len(out.getvalue()) - 1):
            with self.subTest(cut=cut), self.assertRaises(protocol.ProtocolError):
                protocol.read_frame(io.BytesIO(out.getvalue()[:cut]))

    def test_bytes_that_are_not_a_frame_are_refused(self):
        for raw in (b"\x89PNG\r\n\x1a\n", b"RQST\xff\xff\xff\xff", b"RQST\x00\x00\x00\x02[]"):
            with self.subTest(raw=raw), self.assertRaises(protocol.ProtocolError):
                protocol.read_frame(io.BytesIO(raw))

    def test_nan_cannot_be_sent_as_json(self):
        with self.assertRaises(ValueError):
            protocol.write_frame(io.BytesIO(), protocol.RESPONSE, {"x": float("nan")})


if __name__ == "__main__":
    unittest.main()
