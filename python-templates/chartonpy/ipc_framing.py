"""Cuts exactly one Arrow IPC stream out of a pipe, without decoding it.

Readers that want the whole stream up front (polars) get its bytes from here, and the pipe is left
at the first byte after the stream's end-of-stream marker, where the next request begins.

An encapsulated message is: an optional continuation marker 0xFFFFFFFF, an int32 (little-endian)
metadata length, the metadata (a flatbuffer ``Message``), then ``Message.bodyLength`` body bytes.
A metadata length of 0 is the end-of-stream marker. Streams from before Arrow 0.15 lack the marker.
"""
import struct

from .protocol import read_exactly

_CONTINUATION = 0xFFFFFFFF
_U16 = struct.Struct("<H")
_I32 = struct.Struct("<i")
_U32 = struct.Struct("<I")
_I64 = struct.Struct("<q")
_BODY_LENGTH_FIELD = 3  # Message { version, header_type, header, bodyLength, custom_metadata }
_MAX_METADATA = 1 << 30


class FramingError(ValueError):
    """The bytes are not a sequence of Arrow IPC messages."""


def read_stream_bytes(stream):
    """The bytes of one IPC stream from the binary file ``stream``, end-of-stream marker included.

    An end of input right at a message boundary after at least one message also ends the stream.
    Raises EOFError when the input is empty, FramingError when it is cut inside a message or is
    not Arrow IPC.
    """
    parts = []
    while True:
        prefix = stream.read(4)
        if not prefix:
            if not parts:
                raise EOFError("no Arrow IPC stream: the input is empty")
            return b"".join(parts)
        prefix += _read(stream, 4 - len(prefix))
        parts.append(prefix)
        (length,) = _U32.unpack(prefix)
        if length == _CONTINUATION:
            length_bytes = _read(stream, 4)
            parts.append(length_bytes)
            (length,) = _I32.unpack(length_bytes)
        elif length >= 1 << 31:
            raise FramingError("not an Arrow IPC stream (a message starts with 0x%08x)" % length)
        if length == 0:
            return b"".join(parts)
        if length < 0 or length > _MAX_METADATA:
            raise FramingError("bad Arrow IPC metadata length %d" % length)
        metadata = _read(stream, length)
        parts.append(metadata)
        body_length = body_length_of(metadata)
        while body_length:  # in slices, so a huge body never needs one giant read
            piece = _read(stream, min(body_length, 1 << 26))
            parts.append(piece)
            body_length -= len(piece)


def body_length_of(metadata):
    """Message.bodyLength of a flatbuffer Message (0 when the field is absent)."""
    try:
        (table,) = _U32.unpack_from(metadata, 0)
        (back,) = _I32.unpack_from(metadata, table)
        vtable = table - back
        if not 0 <= vtable < len(metadata):
            raise struct.error("vtable out of bounds")
        (vtable_size,) = _U16.unpack_from(metadata, vtable)
        slot = 4 + 2 * _BODY_LENGTH_FIELD
        if slot + 2 > vtable_size:
            return 0
        (field,) = _U16.unpack_from(metadata, vtable + slot)
        if not field:
            return 0
        (length,) = _I64.unpack_from(metadata, table + field)
    except struct.error:
        raise FramingError("the Arrow IPC message metadata is cut short or corrupt") from None
    if length < 0:
        raise FramingError("negative Arrow IPC body length %d" % length)
    return length


def _read(stream, n):
    try:
        return read_exactly(stream, n)
    except Exception as e:
        raise FramingError("the Arrow IPC stream is cut short (%s)" % e) from None
