"""Frames of the bridge protocol (docs/protocol.md).

A frame is 4 ASCII bytes of kind, a big-endian u32 length, then that many bytes of UTF-8 JSON. A
payload may follow a frame as its header declares: the Arrow IPC stream after a request whose
"data" is "arrow-stream", exactly header["length"] bytes after a response. Nothing is base64.
"""
import json
import struct

HELLO = b"HELO"     # worker -> charton, once, as soon as the worker runs
REQUEST = b"RQST"   # charton -> worker: render; an Arrow IPC stream follows
PROBE = b"PROB"     # charton -> worker: describe this Python (charton doctor)
EXECUTE = b"EXEC"   # charton -> worker: a session request (charton shell): run code, show rows
RESPONSE = b"RESP"  # worker -> charton: the answer to a request or probe

MAX_HEADER_BYTES = 16 << 20

_PREFIX = struct.Struct(">4sI")


class ProtocolError(Exception):
    """The other side sent something that is not a frame."""


def write_frame(out, kind, header, payload=b""):
    body = json.dumps(header, separators=(",", ":"), allow_nan=False).encode("utf-8")
    out.write(_PREFIX.pack(kind, len(body)))
    out.write(body)
    if payload:
        out.write(payload)
    out.flush()


def write_response(out, header, payload=b""):
    """A RESP frame; a payload's length is put in the header, so the two cannot disagree."""
    header = dict(header, length=len(payload))
    write_frame(out, RESPONSE, header, payload)


def read_frame(inp):
    """Returns (kind, header), or None when the stream ends cleanly between frames."""
    prefix = read_exactly(inp, _PREFIX.size, allow_eof=True)
    if prefix is None:
        return None
    kind, length = _PREFIX.unpack(prefix)
    if length > MAX_HEADER_BYTES or not kind.isalpha():
        raise ProtocolError("not a bridge frame (kind %r, length %d)" % (kind, length))
    try:
        header = json.loads(read_exactly(inp, length).decode("utf-8"))
    except ValueError as e:
        raise ProtocolError("a %s frame holds no JSON object (%s)" % (kind.decode("ascii", "replace"), e)) from e
    if not isinstance(header, dict):
        raise ProtocolError("a %s frame holds no JSON object" % kind.decode("ascii", "replace"))
    return kind, header


def read_exactly(inp, n, allow_eof=False):
    """Exactly n bytes; None at a clean end of input when allow_eof; ProtocolError when cut short."""
    chunks = []
    remaining = n
    while remaining:
        chunk = inp.read(remaining)
        if not chunk:
            if allow_eof and remaining == n:
                return None
            raise ProtocolError("the stream ended after %d of %d bytes" % (n - remaining, n))
        chunks.append(chunk)
        remaining -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
