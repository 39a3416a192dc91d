"""Pure-Python reader for the Arrow IPC *stream* format (numpy + pandas only).

This module is the fallback used when ``pyarrow`` cannot be imported.  It
reads one Arrow IPC stream (Schema message, then dictionary and record batch
messages, then the end-of-stream marker) and returns a ``pandas.DataFrame``
shaped like ``pyarrow.ipc.open_stream(stream).read_all().to_pandas()``.

The flatbuffer metadata is decoded by hand (``struct`` over the message
bytes), following ``Schema.fbs`` and ``Message.fbs`` of the Arrow format.

Scope
-----
Only flat columns are read.  Supported Arrow types and their pandas mapping:

===========================  ==============================================
Arrow type                   pandas column
===========================  ==============================================
int8..int64, uint8..uint64   same numpy dtype; float64 with NaN if nulls
float16 / float32 / float64  same numpy dtype, NaN for nulls
bool                         bool; object (True/False/None) if nulls
utf8, large_utf8             ``str`` dtype when pandas infers strings
                             (pandas >= 3), else object with None
binary, large_binary         object column of ``bytes`` (None for nulls)
date32, date64               datetime64[ms] (NaT for nulls)
timestamp[unit, tz]          datetime64[unit] or datetime64[unit, tz]
time32, time64               object column of ``datetime.time`` (None for
                             nulls); nanoseconds are truncated to
                             microseconds, which ``datetime.time`` holds
duration[unit]               timedelta64[unit] (NaT for nulls)
decimal128(p, s)             object column of ``decimal.Decimal``
dictionary<string values>    pandas Categorical (ordered if isOrdered)
dictionary<other values>     decoded to the plain values of the value type
null                         object column of None
===========================  ==============================================

Everything else (nested types, unions, intervals, fixed-size binary,
decimal32/64/256, view types, run-end encoding, ...) raises
:class:`UnsupportedArrowType`, naming the column and the type.

Stream handling: the reader consumes exactly the bytes of one stream, up to
and including the end-of-stream marker (``0xFFFFFFFF 0x00000000`` or the
pre-0.15 4-byte ``0``), so the same pipe can carry further data.  Legacy
(pre-0.15) framing without the continuation marker is accepted, and so is
an end of input at a message boundary after the schema.  When a message
cannot be decoded (unsupported type, compression codec not installed, bad
metadata) the reader still drains the stream to its end-of-stream marker
before raising, to keep the pipe in sync.  An input that is empty from the
very start raises ``EOFError``.

Body compression (LZ4_FRAME, ZSTD) needs the optional ``lz4`` or
``zstandard`` modules; without them a ValueError explains that pyarrow (or
that module) is needed.  Big-endian streams are byte-swapped to native order.
"""

import datetime
import decimal
import re
import struct
import zoneinfo
from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = ["read_stream", "read_stream_bytes", "UnsupportedArrowType", "UnsupportedCompression"]


class UnsupportedArrowType(ValueError):
    """The stream holds a column whose Arrow type this reader cannot convert."""


class UnsupportedCompression(ValueError):
    """The stream is compressed with a codec whose Python module is missing."""


def _malformed(what):
    return ValueError(f"malformed Arrow IPC stream: {what}")


# --------------------------------------------------------------------------
# Flatbuffer access (just what Arrow's metadata needs)

_U8 = struct.Struct("<B")
_BOOL = struct.Struct("<?")
_I16 = struct.Struct("<h")
_U16 = struct.Struct("<H")
_I32 = struct.Struct("<i")
_U32 = struct.Struct("<I")
_I64 = struct.Struct("<q")


class _Table:
    """Read-only view of one flatbuffer table."""

    __slots__ = ("_buf", "_pos", "_vt", "_vt_len")

    def __init__(self, buf, pos):
        if pos < 0 or pos + 4 > len(buf):
            raise _malformed("flatbuffer table out of bounds")
        vt = pos - _I32.unpack_from(buf, pos)[0]
        if vt < 0 or vt + 4 > len(buf):
            raise _malformed("flatbuffer vtable out of bounds")
        self._buf, self._pos, self._vt = buf, pos, vt
        self._vt_len = _U16.unpack_from(buf, vt)[0]

    @classmethod
    def root(cls, buf):
        if len(buf) < 4:
            raise _malformed("message metadata too short")
        return cls(buf, _U32.unpack_from(buf, 0)[0])

    def _field(self, fid):
        slot = 4 + 2 * fid
        if slot + 2 > self._vt_len:
            return 0
        off = _U16.unpack_from(self._buf, self._vt + slot)[0]
        return self._pos + off if off else 0

    def _deref(self, pos):
        return pos + _U32.unpack_from(self._buf, pos)[0]

    def scalar(self, fid, fmt, default):
        pos = self._field(fid)
        return fmt.unpack_from(self._buf, pos)[0] if pos else default

    def table(self, fid):
        pos = self._field(fid)
        return _Table(self._buf, self._deref(pos)) if pos else None

    def _vector(self, fid, item_size):
        pos = self._field(fid)
        if not pos:
            return 0, 0
        start = self._deref(pos)
        count = _U32.unpack_from(self._buf, start)[0]
        if start + 4 + count * item_size > len(self._buf):
            raise _malformed("flatbuffer vector out of bounds")
        return start + 4, count

    def string(self, fid):
        start, count = self._vector(fid, 1)
        if not start:
            return None
        try:
            return bytes(self._buf[start:start + count]).decode("utf-8")
        except UnicodeDecodeError:
            raise _malformed("invalid UTF-8 in a metadata string") from None

    def tables(self, fid):
        start, count = self._vector(fid, 4)
        return [_Table(self._buf, self._deref(start + 4 * i)) for i in range(count)]

    def int64_pairs(self, fid):
        """A vector of 16-byte structs of two longs (FieldNode, Buffer)."""
        start, count = self._vector(fid, 16)
        if not count:
            return []
        flat = np.frombuffer(self._buf, "<i8", count=2 * count, offset=start)
        return flat.reshape(count, 2).tolist()


# A valid table with no fields set: every read returns its default.
_EMPTY_TABLE = _Table(b"\x04\x00\x04\x00\x04\x00\x00\x00", 4)


# --------------------------------------------------------------------------
# Arrow types: parsed from Schema.fbs, one small parser per type family

class _Type(NamedTuple):
    name: str        # for error messages
    layout: str      # key of _LAYOUTS: how the body buffers are decoded
    storage: object  # numpy dtype of the data (or offsets) buffer
    convert: object  # function(type, values, valid) -> pandas-ready column
    param: object = None


_TIME_UNITS = {0: "s", 1: "ms", 2: "us", 3: "ns"}


def _int_type(fb):
    bits, signed = fb.scalar(0, _I32, 0), fb.scalar(1, _BOOL, False)
    if bits not in (8, 16, 32, 64):
        raise UnsupportedArrowType(f"int with bitWidth {bits}")
    kind = "i" if signed else "u"
    return _Type(("" if signed else "u") + f"int{bits}", "fixed",
                 np.dtype(f"<{kind}{bits // 8}"), _pd_int)


def _float_type(fb):
    precision = fb.scalar(0, _I16, 0)
    if precision not in (0, 1, 2):
        raise UnsupportedArrowType(f"floating point precision {precision}")
    bits = (16, 32, 64)[precision]
    return _Type(f"float{bits}", "fixed", np.dtype(f"<f{bits // 8}"), _pd_float)


def _varbinary_type(name, offset_dtype, text):
    return lambda fb: _Type(name, "varbinary", np.dtype(offset_dtype),
                            _pd_text if text else _pd_objects, text)


def _decimal_type(fb):
    precision, scale = fb.scalar(0, _I32, 0), fb.scalar(1, _I32, 0)
    bits = fb.scalar(2, _I32, 128)
    if bits != 128:
        raise UnsupportedArrowType(f"decimal{bits}({precision}, {scale})")
    return _Type(f"decimal128({precision}, {scale})", "decimal", None, _pd_decimal, scale)


def _date_type(fb):
    if fb.scalar(0, _I16, 1) == 0:
        return _Type("date32[day]", "fixed", np.dtype("<i4"), _pd_date, 86_400_000)
    return _Type("date64[ms]", "fixed", np.dtype("<i8"), _pd_date, 1)


def _unit(fb, default):
    unit = fb.scalar(0, _I16, default)
    if unit not in _TIME_UNITS:
        raise UnsupportedArrowType(f"time unit {unit}")
    return _TIME_UNITS[unit]


def _time_type(fb):
    unit, bits = _unit(fb, 1), fb.scalar(1, _I32, 32)
    if bits != (32 if unit in ("s", "ms") else 64):
        raise UnsupportedArrowType(f"time{bits}[{unit}]")
    return _Type(f"time{bits}[{unit}]", "fixed", np.dtype(f"<i{bits // 8}"), _pd_time, unit)


def _timestamp_type(fb):
    unit, tz = _unit(fb, 0), fb.string(1) or None
    return _Type(f"timestamp[{unit}, tz={tz}]", "fixed", np.dtype("<i8"), _pd_timestamp,
                 (unit, _tzinfo(tz) if tz else None))


def _duration_type(fb):
    unit = _unit(fb, 1)
    return _Type(f"duration[{unit}]", "fixed", np.dtype("<i8"), _pd_duration, unit)


# Type union ids of Schema.fbs -> parser (supported) or name (unsupported).
_TYPE_PARSERS = {
    1: lambda fb: _Type("null", "null", None, _pd_objects),
    2: _int_type,
    3: _float_type,
    4: _varbinary_type("binary", "<i4", False),
    5: _varbinary_type("utf8", "<i4", True),
    6: lambda fb: _Type("bool", "bool", None, _pd_bool),
    7: _decimal_type,
    8: _date_type,
    9: _time_type,
    10: _timestamp_type,
    18: _duration_type,
    19: _varbinary_type("large_binary", "<i8", False),
    20: _varbinary_type("large_utf8", "<i8", True),
}
_TYPE_NAMES = {
    11: "interval", 12: "list", 13: "struct", 14: "union", 15: "fixed_size_binary",
    16: "fixed_size_list", 17: "map", 21: "large_list", 22: "run_end_encoded",
    23: "binary_view", 24: "utf8_view", 25: "list_view", 26: "large_list_view",
}

_OFFSET_TZ = re.compile(r"([+-])(\d\d):?(\d\d)")


def _tzinfo(name):
    """tzinfo for an Arrow timezone string (an Olson name or +HH:MM).

    Like pyarrow, use pytz when it is importable, else zoneinfo.
    """
    match = _OFFSET_TZ.fullmatch(name)
    minutes = None
    if match:
        minutes = (int(match[2]) * 60 + int(match[3])) * (-1 if match[1] == "-" else 1)
    try:
        import pytz
    except ImportError:
        pytz = None
    try:
        if pytz is not None:
            return pytz.timezone(name) if minutes is None else pytz.FixedOffset(minutes)
        if minutes is not None:
            return datetime.timezone(datetime.timedelta(minutes=minutes))
        return zoneinfo.ZoneInfo(name)
    except (KeyError, ValueError):   # the not-found errors of both are KeyErrors
        raise UnsupportedArrowType(f"timestamp with unknown time zone {name!r}") from None


class _Column:
    """One top-level field and the chunks decoded for it so far."""

    __slots__ = ("name", "type", "dict_id", "index_type", "ordered", "chunks")

    def __init__(self, name, arrow_type, dict_id=None, index_type=None, ordered=False):
        self.name, self.type = name, arrow_type
        self.dict_id, self.index_type, self.ordered = dict_id, index_type, ordered
        self.chunks = []


def _parse_field(fb):
    name = fb.string(0) or ""
    type_id = fb.scalar(2, _U8, 0)
    try:
        parser = _TYPE_PARSERS.get(type_id)
        if parser is None:
            raise UnsupportedArrowType(_TYPE_NAMES.get(type_id, f"with type id {type_id}"))
        arrow_type = parser(fb.table(3) or _EMPTY_TABLE)
        encoding = fb.table(4)
        if encoding is None:
            return _Column(name, arrow_type)
        index_fb = encoding.table(1)
        index_type = _int_type(index_fb) if index_fb is not None else _INT32
    except UnsupportedArrowType as exc:
        raise UnsupportedArrowType(
            f"column {name!r} has Arrow type {exc}, which the built-in Arrow reader "
            "does not support (install pyarrow to read it)") from None
    return _Column(name, arrow_type, encoding.scalar(0, _I64, 0), index_type,
                   encoding.scalar(2, _BOOL, False))


# The index type of a dictionary whose encoding names none.
_INT32 = _Type("int32", "fixed", np.dtype("<i4"), None)


# --------------------------------------------------------------------------
# Record batch bodies

class _Body:
    """Hands out the buffers of one record batch body in metadata order."""

    def __init__(self, body, specs, codec=None, big_endian=False):
        self._body, self._specs, self._next = memoryview(body), specs, 0
        self.codec, self.big_endian = codec, big_endian

    def buffer(self):
        if self._specs is None:       # the empty body of a batch that never came
            return b""
        if self._next >= len(self._specs):
            raise _malformed("record batch has fewer buffers than its schema needs")
        offset, length = self._specs[self._next]
        self._next += 1
        if offset < 0 or length < 0 or offset + length > len(self._body):
            raise _malformed("buffer lies outside the message body")
        data = self._body[offset:offset + length]
        return _decompress(data, self.codec) if self.codec is not None and length else data

    def array(self, dtype, count):
        """The next buffer as `count` values of little-endian `dtype`, native order."""
        if self.big_endian:
            dtype = dtype.newbyteorder(">")
        data = self.buffer()
        if len(data) < count * dtype.itemsize:
            raise _malformed(f"buffer of {len(data)} bytes for {count} values of {dtype}")
        values = np.frombuffer(data, dtype, count=count)
        return values if values.dtype.isnative else values.astype(dtype.newbyteorder("="))

    def bits(self, count):
        return _unpack_bits(self.buffer(), count)

    def validity(self, count, null_count):
        """Validity bitmap as a bool array, or None when every value is valid."""
        data = self.buffer()
        if null_count == 0 or len(data) == 0:
            return None
        return _unpack_bits(data, count)


def _unpack_bits(data, count):
    if len(data) * 8 < count:
        raise _malformed(f"bitmap of {len(data)} bytes for {count} values")
    bits = np.frombuffer(data, np.uint8, count=(count + 7) // 8)
    return np.unpackbits(bits, count=count, bitorder="little").view(bool)


_CODECS = {0: ("LZ4_FRAME", "lz4"), 1: ("ZSTD", "zstandard")}


def _decompress(data, codec):
    """One compressed buffer: an int64 uncompressed length, then the frame."""
    if len(data) < 8:
        raise _malformed("compressed buffer shorter than its length prefix")
    size = _I64.unpack_from(data, 0)[0]
    if size == -1:
        return data[8:]
    name, module = _CODECS[codec]
    try:
        decompress = _lz4_frame() if codec == 0 else _zstd()
    except ImportError:
        raise UnsupportedCompression(
            f"the Arrow stream is compressed with {name}: reading it needs pyarrow "
            f"(or the Python module '{module}')") from None
    try:
        out = decompress(bytes(data[8:]), size)
    except Exception as exc:   # each codec module has its own error types
        raise _malformed(f"{name} buffer does not decompress ({exc})") from None
    if len(out) != size:
        raise _malformed(f"{name} buffer decompressed to {len(out)} bytes, expected {size}")
    return out


def _lz4_frame():
    import lz4.frame
    return lambda data, size: lz4.frame.decompress(data)


def _zstd():
    import zstandard
    return lambda data, size: zstandard.ZstdDecompressor().decompress(data, max_output_size=size)


def _object_array(items):
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _split(blob, offsets, text):
    """Cut `blob` at `offsets` (relative, starting at 0) into str or bytes."""
    bounds = offsets.tolist()
    if not text:
        return _object_array([blob[a:b] for a, b in zip(bounds, bounds[1:])])
    if blob.isascii():
        chars = blob.decode("ascii")
    else:   # decode once, then map byte offsets to character offsets
        raw = np.frombuffer(blob, np.uint8)
        starts_char = (raw & 0xC0) != 0x80           # not a UTF-8 continuation byte
        inner = offsets[(offsets > 0) & (offsets < len(raw))]
        if not starts_char[inner].all():
            raise ValueError("utf8 column has a value boundary inside a character")
        char_pos = np.concatenate(([0], np.cumsum(starts_char)))
        bounds = char_pos[offsets].tolist()
        try:
            chars = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"utf8 column holds invalid UTF-8 ({exc.reason})") from None
    return _object_array([chars[a:b] for a, b in zip(bounds, bounds[1:])])


# Layout decoders: (type, length, null_count, body) -> (values, valid or None).

def _decode_null(t, length, null_count, body):
    return np.full(length, None, dtype=object), None


def _decode_fixed(t, length, null_count, body):
    valid = body.validity(length, null_count)
    return body.array(t.storage, length), valid


def _decode_bool(t, length, null_count, body):
    valid = body.validity(length, null_count)
    return body.bits(length), valid


def _decode_varbinary(t, length, null_count, body):
    valid = body.validity(length, null_count)
    if length == 0:
        body.buffer(), body.buffer()
        return np.empty(0, dtype=object), valid
    offsets = body.array(t.storage, length + 1)
    data = body.buffer()
    first, last = int(offsets[0]), int(offsets[-1])
    if first < 0 or last > len(data) or (np.diff(offsets) < 0).any():
        raise _malformed(f"bad offsets in a {t.name} column")
    return _split(bytes(data[first:last]), offsets - first, t.param), valid


def _decode_decimal(t, length, null_count, body):
    """128-bit two's complement values as an (n, 2) array of (low, high) uint64."""
    valid = body.validity(length, null_count)
    words = body.array(np.dtype("<u8"), 2 * length).reshape(length, 2)
    return (words[:, ::-1] if body.big_endian else words), valid


_LAYOUTS = {
    "null": _decode_null,
    "fixed": _decode_fixed,
    "bool": _decode_bool,
    "varbinary": _decode_varbinary,
    "decimal": _decode_decimal,
}


def _decode(t, length, null_count, body):
    return _LAYOUTS[t.layout](t, length, null_count, body)


def _empty_chunk(t):
    return _decode(t, 0, 0, _Body(b"", None))


def _concat(chunks):
    values = np.concatenate([c[0] for c in chunks]) if len(chunks) > 1 else chunks[0][0]
    if all(c[1] is None for c in chunks):
        return values, None
    valid = np.concatenate([np.ones(len(c[0]), bool) if c[1] is None else c[1] for c in chunks])
    return values, valid


# --------------------------------------------------------------------------
# pandas conversion, one function per type family: (type, values, valid)

def _uses_str_dtype():
    """Whether pandas (and so pyarrow's to_pandas) maps strings to 'str' dtype."""
    try:
        return bool(pd.get_option("future.infer_string"))
    except (KeyError, AttributeError):
        return False


def _with_none(values, valid):
    if valid is None:
        return values
    out = values.astype(object)
    out[~valid] = None
    return out


def _with_nat(values, valid):
    return values if valid is None else np.where(valid, values, np.array("NaT", values.dtype))


def _pd_objects(t, values, valid):
    return _with_none(values, valid)


def _pd_text(t, values, valid):
    values = _with_none(values, valid)
    return pd.array(values, dtype="str") if _uses_str_dtype() else values


def _pd_int(t, values, valid):
    if valid is None:
        return values
    out = values.astype(np.float64)
    out[~valid] = np.nan
    return out


def _pd_float(t, values, valid):
    if valid is None:
        return values
    out = values.copy()
    out[~valid] = np.nan
    return out


def _pd_bool(t, values, valid):
    return _with_none(values, valid)


def _pd_date(t, values, valid):
    return _with_nat((values.astype(np.int64) * t.param).view("M8[ms]"), valid)


def _pd_timestamp(t, values, valid):
    unit, tz = t.param
    stamps = _with_nat(values.view(f"M8[{unit}]"), valid)
    if tz is None:
        return stamps
    return pd.Series(stamps, copy=False).dt.tz_localize("UTC").dt.tz_convert(tz)


def _pd_duration(t, values, valid):
    return _with_nat(values.view(f"m8[{t.param}]"), valid)


_MICROS = {"s": 1_000_000, "ms": 1000, "us": 1}


def _pd_time(t, values, valid):
    micros = values.astype(np.int64)
    micros = micros // 1000 if t.param == "ns" else micros * _MICROS[t.param]
    if valid is not None:
        micros = np.where(valid, micros, 0)
    if len(micros) and (micros.min() < 0 or micros.max() >= 86_400_000_000):
        raise ValueError("a time of day outside 00:00:00..23:59:59.999999")
    hours, rest = np.divmod(micros, 3_600_000_000)
    minutes, rest = np.divmod(rest, 60_000_000)
    seconds, micros = np.divmod(rest, 1_000_000)
    times = [datetime.time(*hmsu) for hmsu in
             zip(hours.tolist(), minutes.tolist(), seconds.tolist(), micros.tolist())]
    return _with_none(_object_array(times), valid)


def _pd_decimal(t, values, valid):
    exponent = f"E{-t.param}"
    low, high = values[:, 0].tolist(), values[:, 1].view(np.int64).tolist()
    numbers = [decimal.Decimal(f"{(h << 64) + lo}{exponent}") for lo, h in zip(low, high)]
    return _with_none(_object_array(numbers), valid)


def _series(column):
    if isinstance(column, np.ndarray):   # keep the dtype: no string inference
        return pd.Series(column, dtype=column.dtype, copy=False)
    return pd.Series(column, copy=False)


# --------------------------------------------------------------------------
# Dictionary-encoded columns

class _Dictionary:
    """The values of one dictionary id; a delta batch appends a chunk."""

    __slots__ = ("chunks",)

    def __init__(self, chunk):
        self.chunks = [chunk]


def _dictionary_column(col):
    """Decode a dictionary column: Categorical for strings, else plain values."""
    dicts = list({id(c[2]): c[2] for c in col.chunks if c[2] is not None}.values())
    bases, start = {}, 0
    for dictionary in dicts:
        bases[id(dictionary)] = start
        start += sum(len(chunk[0]) for chunk in dictionary.chunks)
    chunks = [chunk for d in dicts for chunk in d.chunks] or [_empty_chunk(col.type)]
    dict_values, dict_valid = _concat(chunks)

    positions = [_dictionary_positions(c, bases) for c in col.chunks]
    index, valid = _concat(positions or [(np.empty(0, np.int64), None)])
    if col.type.layout == "varbinary" and col.type.param:
        codes, categories = pd.factorize(_with_none(dict_values, dict_valid))
        codes = codes[index]
        if valid is not None:
            codes[~valid] = -1
        # like pyarrow: an empty dictionary gives object categories
        text_dtype = "str" if _uses_str_dtype() and len(categories) else object
        categories = pd.Index(categories, dtype=text_dtype)
        return pd.Categorical.from_codes(codes, categories=categories, ordered=col.ordered)
    if dict_valid is not None:
        valid = dict_valid[index] if valid is None else valid & dict_valid[index]
    return col.type.convert(col.type, dict_values[index], valid)


def _dictionary_positions(chunk, bases):
    """Indices of one batch, shifted into the concatenation of all dictionaries."""
    indices, valid, dictionary = chunk
    indices = indices.astype(np.int64)
    if valid is not None:
        indices = np.where(valid, indices, 0)
    if len(indices) == 0:
        return indices, valid
    if dictionary is None:
        raise _malformed("record batch uses a dictionary that was never sent")
    base = bases[id(dictionary)]
    size = sum(len(c[0]) for c in dictionary.chunks)
    if indices.min() < 0 or indices.max() >= size:
        raise _malformed("dictionary index out of range")
    return indices + base, valid


# --------------------------------------------------------------------------
# Messages

class _StreamDecoder:
    """Applies the messages of one stream and builds the DataFrame at the end."""

    def __init__(self):
        self.columns = None
        self.big_endian = False
        self.dictionary_types = {}
        self.dictionaries = {}
        self.rows = 0

    def schema(self, schema, body):
        if self.columns is not None:
            raise _malformed("a second Schema message")
        self.big_endian = schema.scalar(0, _I16, 0) == 1
        self.columns = [_parse_field(f) for f in schema.tables(1)]
        for col in self.columns:
            if col.dict_id is not None:
                self.dictionary_types.setdefault(col.dict_id, col.type)

    def _require_schema(self):
        if self.columns is None:
            raise _malformed("a batch came before the Schema message")

    def _body(self, batch, body):
        compression = batch.table(3)
        codec = None
        if compression is not None:
            codec = compression.scalar(0, _U8, 0)
            if codec not in _CODECS or compression.scalar(1, _U8, 0) != 0:
                raise UnsupportedCompression(f"unknown Arrow body compression codec {codec}")
        return _Body(body, batch.int64_pairs(2), codec, self.big_endian)

    def dictionary_batch(self, message, body):
        self._require_schema()
        dict_id = message.scalar(0, _I64, 0)
        batch = message.table(1)
        value_type = self.dictionary_types.get(dict_id)
        if value_type is None or batch is None:
            raise _malformed(f"dictionary batch for unknown dictionary id {dict_id}")
        nodes = batch.int64_pairs(1)
        if len(nodes) < 1:
            raise _malformed("dictionary batch without a field node")
        length, null_count = nodes[0]
        chunk = _decode(value_type, length, null_count, self._body(batch, body))
        if message.scalar(2, _BOOL, False) and dict_id in self.dictionaries:
            self.dictionaries[dict_id].chunks.append(chunk)
        else:
            self.dictionaries[dict_id] = _Dictionary(chunk)

    def record_batch(self, batch, body):
        self._require_schema()
        rows = batch.scalar(0, _I64, 0)
        nodes = batch.int64_pairs(1)
        if len(nodes) < len(self.columns):
            raise _malformed("record batch has fewer field nodes than the schema has fields")
        buffers = self._body(batch, body)
        chunks = []
        for col, (length, null_count) in zip(self.columns, nodes):
            if length != rows:
                raise _malformed(f"column {col.name!r} has {length} rows, the batch {rows}")
            try:
                chunks.append(self._column_chunk(col, length, null_count, buffers))
            except UnsupportedCompression:
                raise
            except ValueError as exc:
                raise ValueError(f"column {col.name!r}: {exc}") from exc
        for col, chunk in zip(self.columns, chunks):
            col.chunks.append(chunk)
        self.rows += rows

    def _column_chunk(self, col, length, null_count, buffers):
        if col.dict_id is None:
            return _decode(col.type, length, null_count, buffers)
        indices, valid = _decode_fixed(col.index_type, length, null_count, buffers)
        return indices, valid, self.dictionaries.get(col.dict_id)

    def frame(self):
        if self.columns is None:
            raise _malformed("the stream ended before its Schema message")
        if not self.columns:
            return pd.DataFrame(index=pd.RangeIndex(self.rows))
        data = {}
        for i, col in enumerate(self.columns):
            try:
                data[i] = _series(_column_values(col))
            except ValueError as exc:
                raise ValueError(f"column {col.name!r} ({col.type.name}): {exc}") from exc
        frame = pd.DataFrame(data)
        frame.columns = pd.Index([col.name for col in self.columns])
        return frame


def _column_values(col):
    if col.dict_id is not None:
        return _dictionary_column(col)
    values, valid = _concat(col.chunks or [_empty_chunk(col.type)])
    return col.type.convert(col.type, values, valid)


_HANDLERS = {1: _StreamDecoder.schema, 2: _StreamDecoder.dictionary_batch,
             3: _StreamDecoder.record_batch}
_HEADER_NAMES = {4: "Tensor", 5: "SparseTensor"}
_V4, _V5 = 3, 4          # MetadataVersion enum values
_CHUNK = 1 << 24


def _read_exact(stream, size):
    """Read `size` bytes, fewer only at end of input. Never reads past `size`."""
    parts, got = [], 0
    while got < size:
        part = stream.read(min(size - got, _CHUNK))
        if part is None:
            raise ValueError("the stream is non-blocking and has no data ready")
        if not part:
            break
        parts.append(part)
        got += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


_EOS, _EOF = "end-of-stream", "end-of-input"


def _read_message(stream):
    """Next message as (header type, header table, body), or _EOS / _EOF."""
    prefix = _read_exact(stream, 4)
    if not prefix:
        return _EOF
    if len(prefix) < 4:
        raise _malformed("truncated message length")
    size = _I32.unpack(prefix)[0]
    if size == -1:                    # continuation marker (format >= 0.15)
        prefix = _read_exact(stream, 4)
        if len(prefix) < 4:
            raise _malformed("truncated message length")
        size = _I32.unpack(prefix)[0]
    if size == 0:
        return _EOS
    if size < 0:
        raise _malformed(f"negative metadata length {size}")
    metadata = _read_exact(stream, size)
    if len(metadata) < size:
        raise _malformed("truncated message metadata")
    try:
        message = _Table.root(metadata)
        version = message.scalar(0, _I16, 0)
        header_type = message.scalar(1, _U8, 0)
        header = message.table(2)
        body_length = message.scalar(3, _I64, 0)
    except struct.error as exc:
        raise _malformed(exc) from None
    if body_length < 0:
        raise _malformed(f"negative body length {body_length}")
    body = _read_exact(stream, body_length)
    if len(body) < body_length:
        raise _malformed("truncated message body")
    return version, header_type, header, body


def _apply(decoder, message):
    version, header_type, header, body = message
    if version not in (_V4, _V5):
        raise ValueError(f"unsupported Arrow metadata version V{version + 1} "
                         "(the built-in reader reads V4 and V5)")
    handler = _HANDLERS.get(header_type)
    if handler is None:
        name = _HEADER_NAMES.get(header_type, f"type {header_type}")
        raise ValueError(f"unsupported Arrow IPC message: {name}")
    if header is None:
        raise _malformed("message without header")
    try:
        handler(decoder, header, body)
    except (struct.error, IndexError, KeyError, OverflowError, MemoryError) as exc:
        raise _malformed(f"{type(exc).__name__}: {exc}") from None


def read_stream(stream):
    """Read one Arrow IPC stream from the binary file-like `stream`.

    Returns a pandas DataFrame (see the module docstring for the type
    mapping). Reads exactly up to the end-of-stream marker. Raises
    UnsupportedArrowType for columns of unsupported types, ValueError for
    malformed or otherwise unreadable streams, EOFError if the input is empty.
    """
    decoder, error, started = _StreamDecoder(), None, False
    while True:
        try:
            message = _read_message(stream)
        except ValueError as framing:
            if error is not None:
                raise error from framing
            raise
        if message is _EOF and not started:
            raise EOFError("no Arrow IPC stream: the input is empty")
        started = True
        if message is _EOS or message is _EOF:
            break
        if error is None:             # after an error: drain to end of stream
            try:
                _apply(decoder, message)
            except ValueError as exc:
                error = exc
    if error is not None:
        raise error
    return decoder.frame()


class _Recorder:
    """Wraps a stream and keeps every byte read through it."""

    def __init__(self, stream):
        self._stream, self.parts = stream, []

    def read(self, size):
        data = self._stream.read(size)
        if data:
            self.parts.append(data)
        return data


_EOS_MARKER = b"\xff\xff\xff\xff\x00\x00\x00\x00"


def read_stream_bytes(stream):
    """The raw bytes of one Arrow IPC stream, for handing to another reader.

    Reads exactly like read_stream (up to and including the end-of-stream
    marker) but decodes no data. A stream cut short by end of input at a
    message boundary gets an end-of-stream marker appended. Raises EOFError
    if the input is empty, ValueError if it is truncated or malformed.
    """
    recorder = _Recorder(stream)
    message = _read_message(recorder)
    if message is _EOF:
        raise EOFError("no Arrow IPC stream: the input is empty")
    while message is not _EOS:
        if message is _EOF:
            recorder.parts.append(_EOS_MARKER)
            break
        message = _read_message(recorder)
    return b"".join(recorder.parts)
