"""Frames of the bridge protocol: 4 ASCII bytes of kind, a big-endian u32 length, UTF-8 JSON.

A payload may follow a frame as its header declares: the Arrow IPC stream after a request, the
figure bytes (exactly header["length"] of them) after a response.
"""
import json
import struct

HELLO = b"HELO"
REQUEST = b"RQST"
RESPONSE = b"RESP"

_PREFIX = struct.Struct(">4sI")


class ProtocolError(Exception):
    """The other side sent something that is not a frame."""


def write_frame(out, kind, header, payload=b""):
    body = json.dumps(header, separators=(",", ":")).encode("utf-8")
    out.write(_PREFIX.pack(kind, len(body)))
    out.write(body)
    if payload:
        out.write(payload)
    out.flush()


def read_frame(inp):
    """Returns (kind, header), or None when the stream ends cleanly between frames."""
    prefix = _read_exactly(inp, _PREFIX.size, allow_eof=True)
    if prefix is None:
        return None
    kind, length = _PREFIX.unpack(prefix)
    return kind, json.loads(_read_exactly(inp, length).decode("utf-8"))


def _read_exactly(inp, n, allow_eof=False):
    chunks = []
    remaining = n
    while remaining:
        chunk = inp.read(remaining)
        if not chunk:
            if allow_eof and remaining == n:
                return None
            raise ProtocolError("stream ended inside a frame (%d of %d bytes)" % (n - remaining, n))
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
