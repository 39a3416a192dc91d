"""Tests of chartonpy.arrow_builtin, the pure-Python Arrow IPC stream reader.

* round trips: tables written by pyarrow, compared with pyarrow's to_pandas;
* exactness: the reader stops right after the end-of-stream marker;
* conformance: the Apache arrow-testing integration files, compared value
  for value with their golden JSON (CHARTON_TEST_CORPORA, default
  <repo>/../shared/corpora).
"""

import datetime
import decimal
import glob
import io
import os
import struct
import sys
import threading
import time
import unittest
from unittest import mock

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.dirname(HERE)
REPO_ROOT = os.path.dirname(TEMPLATES)
for path in (TEMPLATES, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

import golden  # noqa: E402
from chartonpy import arrow_builtin  # noqa: E402
from chartonpy.arrow_builtin import (  # noqa: E402
    UnsupportedArrowType, UnsupportedCompression, read_stream, read_stream_bytes)

try:
    import pyarrow as pa
    import pyarrow.ipc as pa_ipc
    PYARROW_MISSING = None
except ImportError as exc:  # the reader itself must work without it
    pa = pa_ipc = None
    PYARROW_MISSING = f"pyarrow is not importable ({exc}): round-trip tests need it to write streams"


def corpora_dir():
    default = os.path.join(REPO_ROOT, "..", "shared", "corpora")
    return os.path.normpath(os.environ.get("CHARTON_TEST_CORPORA", default))


def integration_dir(test):
    """The integration corpus, or fail (under CI) / skip (elsewhere)."""
    root = os.path.join(corpora_dir(), "arrow", "integration")
    if not os.path.isdir(root):
        message = f"corpora not found at {root}: set CHARTON_TEST_CORPORA"
        if os.environ.get("CI") == "true":
            test.fail(message)
        print(f"\nSKIP: {message}", file=sys.stderr)
        test.skipTest(message)
    return root


def missing_codec(path):
    """For a corpus file compressed with a codec whose module is absent: that module."""
    if os.path.basename(os.path.dirname(path)) != "2.0.0-compression":
        return None
    module = "lz4.frame" if "lz4" in os.path.basename(path) else "zstandard"
    try:
        __import__(module)
    except ImportError:
        return module
    return None


def require_pyarrow(test):
    if PYARROW_MISSING:
        print(f"\nSKIP: {PYARROW_MISSING}", file=sys.stderr)
        test.skipTest(PYARROW_MISSING)


def stream_bytes(table_or_batches, schema=None, **options):
    """An IPC stream (bytes) written by pyarrow."""
    batches = table_or_batches
    if isinstance(table_or_batches, pa.Table):
        schema = table_or_batches.schema
        batches = table_or_batches.to_batches()
    sink = io.BytesIO()
    with pa_ipc.new_stream(sink, schema, options=pa_ipc.IpcWriteOptions(**options)) as writer:
        for batch in batches:
            writer.write_batch(batch)
    return sink.getvalue()


def pyarrow_frame(data):
    """What pyarrow makes of a stream, with this reader's documented choices:
    dates as datetime64[ms] and non-string dictionaries decoded."""
    table = pa_ipc.open_stream(io.BytesIO(data)).read_all()
    columns = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_dictionary(kind) and not (
                pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)):
            column = column.cast(kind.value_type)
        columns.append(column)
    table = pa.Table.from_arrays(columns, names=table.column_names)
    return table.to_pandas(date_as_object=False)


class ShortReads(io.RawIOBase):
    """A file-like object that returns at most `step` bytes per read."""

    def __init__(self, data, step=3):
        self._data, self._pos, self._step = data, 0, step

    def readable(self):
        return True

    def read(self, size=-1):
        size = self._step if size < 0 else min(size, self._step)
        chunk = self._data[self._pos:self._pos + size]
        self._pos += len(chunk)
        return chunk

    def rest(self):
        return self._data[self._pos:]


def sample_table():
    """Every supported type, each with nulls, over two record batches."""
    n = 7
    mask = np.array([False, True, False, False, True, False, False])

    def arr(values, arrow_type):
        return pa.array(values, arrow_type, mask=mask)

    ints = [0, 1, -1, 5, 7, 100, 42]
    columns = {}
    for bits in (8, 16, 32, 64):
        columns[f"int{bits}"] = arr(ints, pa.int64()).cast(getattr(pa, f"int{bits}")())
        columns[f"uint{bits}"] = arr([abs(v) for v in ints], getattr(pa, f"uint{bits}")())
    columns["int64_big"] = pa.array([2 ** 62 + 1, None, -(2 ** 63), 3, None, 2 ** 63 - 1, 0], pa.int64())
    columns["float16"] = pa.array(np.array([0.5, 1, 2, 3, 4, 5, -6], np.float16), mask=mask)
    columns["float32"] = arr([0.5, 1.25, -2, 3, 4, 5e30, -6], pa.float32())
    columns["float64"] = arr([0.5, 1.25, -2, 3, 4, 5e300, float("nan")], pa.float64())
    columns["bool"] = arr([True, False, True, False, True, True, False], pa.bool_())
    words = ["", "ascii", "été", "漢字", "a\x00b", "emoji 🎉", "x" * 40]
    columns["utf8"] = arr(words, pa.string())
    columns["large_utf8"] = arr(words[::-1], pa.large_string())
    blobs = [b"", b"\x00\xff", b"abc", b"\x80", b"z" * 17, b"q", b"\x01"]
    columns["binary"] = arr(blobs, pa.binary())
    columns["large_binary"] = arr(blobs[::-1], pa.large_binary())
    columns["date32"] = arr([0, 1, -1, 18000, -719162, 2932896, 19000], pa.date32())
    columns["date64"] = arr([d * 86_400_000 for d in (0, 1, -1, 18000, 3, 4, 5)], pa.date64())
    seconds = [0, 1, 59, 3600, 86399, 45296, 12]
    columns["time32_s"] = arr(seconds, pa.time32("s"))
    columns["time32_ms"] = arr([s * 1000 + 7 for s in seconds], pa.time32("ms"))
    columns["time64_us"] = arr([s * 10 ** 6 + 123456 for s in seconds], pa.time64("us"))
    columns["time64_ns"] = arr([s * 10 ** 9 + 999000 for s in seconds], pa.time64("ns"))
    instants = [0, 1, -1, 1_600_000_000, 2_000_000_000, -2_000_000_000, 12345]
    for unit, scale in (("s", 1), ("ms", 10 ** 3), ("us", 10 ** 6), ("ns", 10 ** 9)):
        columns[f"ts_{unit}"] = arr([v * scale for v in instants], pa.timestamp(unit))
        columns[f"dur_{unit}"] = arr([v * scale for v in instants], pa.duration(unit))
    for tz in ("UTC", "America/New_York", "+02:00", "-05:30"):
        columns[f"ts_{tz}"] = arr([v * 1000 for v in instants], pa.timestamp("ms", tz=tz))
    decimals = [decimal.Decimal(v) for v in
                ("0.00", "1.50", "-1.50", "12345678901234567890123456.78", "-" + "9" * 36 + ".99",
                 "0.01", "99999999999999999999999999999999999.99")]
    columns["decimal128"] = arr(decimals, pa.decimal128(38, 2))
    columns["decimal_neg_scale"] = pa.array([decimal.Decimal("1.2E+5"), None, decimal.Decimal("-3E+3"),
                                             decimal.Decimal(0), None, decimal.Decimal("9E+3"),
                                             decimal.Decimal("1E+3")], pa.decimal128(5, -3))
    columns["dict_utf8"] = arr(["a", "b", "a", "c", "b", "zé", "a"], pa.string()).dictionary_encode()
    columns["dict_int"] = arr([10, 20, 10, 30, 20, 10, 40], pa.int64()).dictionary_encode()
    columns["dict_float"] = arr([1.5, 2.5, 1.5, 3.5, 2.5, 1.5, 4.5], pa.float64()).dictionary_encode()
    columns["null"] = pa.nulls(n)
    first = pa.table(columns)
    second = first.slice(2, 4)       # a second batch with non-zero array offsets
    return pa.concat_tables([first, second.combine_chunks()])


class RoundTripTests(unittest.TestCase):
    """Streams written by pyarrow read back as pyarrow's to_pandas would."""

    def setUp(self):
        require_pyarrow(self)

    def assert_like_pyarrow(self, data):
        ours = read_stream(io.BytesIO(data))
        pd.testing.assert_frame_equal(ours, pyarrow_frame(data))
        return ours

    def test_every_supported_type_with_nulls(self):
        table = sample_table()
        self.assertEqual(table.num_rows, 11)
        ours = self.assert_like_pyarrow(stream_bytes(table))
        self.assertEqual(ours["int32"].dtype, np.float64)
        self.assertEqual(ours["bool"].dtype, object)
        self.assertIsNone(ours["bool"][1])
        self.assertIsInstance(ours["dict_utf8"].dtype, pd.CategoricalDtype)
        self.assertEqual(ours["dict_int"].dtype, np.float64)
        self.assertEqual(str(ours["ts_America/New_York"].dtype), "datetime64[ms, America/New_York]")
        self.assertEqual(ours["time64_us"][3], datetime.time(1, 0, 0, 123456))
        self.assertEqual(ours["decimal128"][3], decimal.Decimal("12345678901234567890123456.78"))
        self.assertEqual(ours["decimal128"][3].as_tuple().exponent, -2)
        self.assertEqual(ours["date32"].dtype, "datetime64[ms]")
        self.assertTrue(pd.isna(ours["utf8"][1]))
        self.assertEqual(ours["large_binary"][0], b"\x01")

    def test_without_nulls_dtypes_are_kept(self):
        table = pa.table({
            "i8": pa.array([1, -2], pa.int8()), "u64": pa.array([2 ** 64 - 1, 0], pa.uint64()),
            "b": pa.array([True, False]), "s": pa.array(["x", "y"]),
            "f16": pa.array(np.array([1, 2], np.float16)),
        })
        ours = self.assert_like_pyarrow(stream_bytes(table))
        self.assertEqual([str(t) for t in ours.dtypes[:3]], ["int8", "uint64", "bool"])
        self.assertEqual(ours["u64"][0], 2 ** 64 - 1)

    def test_schema_only_stream_gives_typed_empty_frame(self):
        table = sample_table()
        data = stream_bytes([], schema=table.schema)
        ours = self.assert_like_pyarrow(data)
        self.assertEqual(len(ours), 0)
        self.assertEqual(list(ours.columns), table.column_names)
        self.assertEqual(ours["ts_UTC"].dtype, pd.DatetimeTZDtype("ms", "UTC"))

    def test_zero_length_batches(self):
        table = sample_table()
        empty = table.slice(0, 0).combine_chunks().to_batches(max_chunksize=1)
        empty = empty or [pa.RecordBatch.from_pylist([], schema=table.schema)]
        data = stream_bytes(empty * 3 + table.slice(0, 2).to_batches(), schema=table.schema)
        ours = self.assert_like_pyarrow(data)
        self.assertEqual(len(ours), 2)

    def test_legacy_pre_0_15_framing(self):
        table = sample_table()
        data = stream_bytes(table, use_legacy_format=True, metadata_version=pa_ipc.MetadataVersion.V4)
        self.assertNotEqual(data[:4], b"\xff\xff\xff\xff")
        self.assertEqual(data[-4:], b"\x00\x00\x00\x00")
        self.assert_like_pyarrow(data)

    def test_delta_dictionaries_are_appended(self):
        schema = pa.schema([("d", pa.dictionary(pa.int16(), pa.string()))])
        first = pa.DictionaryArray.from_arrays(pa.array([0, 1, None], pa.int16()), ["a", "b"])
        second = pa.DictionaryArray.from_arrays(pa.array([2, 0, 3], pa.int16()), ["a", "b", "c", "d"])
        batches = [pa.record_batch([first], schema=schema), pa.record_batch([second], schema=schema)]
        data = stream_bytes(batches, schema=schema, emit_dictionary_deltas=True)
        ours = self.assert_like_pyarrow(data)
        self.assertEqual(ours["d"].astype(object).where(ours["d"].notna(), None).tolist(),
                         ["a", "b", None, "c", "a", "d"])
        self.assertEqual(list(ours["d"].cat.categories), ["a", "b", "c", "d"])

    def test_replaced_dictionaries_are_unified(self):
        schema = pa.schema([("d", pa.dictionary(pa.int8(), pa.string())),
                            ("n", pa.dictionary(pa.uint32(), pa.int32()))])
        batches = [
            pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int8()), ["x", "y"]),
                             pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.uint32()),
                                                            pa.array([5, 6], pa.int32()))],
                            schema=schema),
            pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.int8()), ["y", "z"]),
                             pa.DictionaryArray.from_arrays(pa.array([0, 0], pa.uint32()),
                                                            pa.array([7], pa.int32()))],
                            schema=schema),
        ]
        ours = self.assert_like_pyarrow(stream_bytes(batches, schema=schema))
        self.assertEqual(ours["d"].tolist(), ["x", "y", "z", "y"])
        self.assertEqual(ours["n"].tolist(), [6, 5, 7, 7])

    def test_every_dictionary_index_type(self):
        columns = {}
        for name in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32"):
            indices = pa.array([2, None, 0, 1, 2], getattr(pa, name)())
            columns[name] = pa.DictionaryArray.from_arrays(indices, ["lo", "mid", "hi"])
        ordered = pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.int32()), ["s", "m"], ordered=True)
        columns["ordered"] = pa.concat_arrays([ordered, ordered, ordered[:1]])
        ours = self.assert_like_pyarrow(stream_bytes(pa.table(columns)))
        self.assertTrue(ours["ordered"].cat.ordered)
        # pyarrow's to_pandas refuses uint64 indices: compare with int64 ones.
        indices = pa.array([2, None, 0, 1, 2], pa.uint64())
        table = pa.table({"u": pa.DictionaryArray.from_arrays(indices, ["lo", "mid", "hi"])})
        unsigned = read_stream(io.BytesIO(stream_bytes(table)))["u"]
        pd.testing.assert_series_equal(unsigned, ours["int64"], check_names=False)

    def test_duplicate_column_names(self):
        table = pa.Table.from_arrays([pa.array([1, 2], pa.int8()), pa.array(["a", None]),
                                      pa.array([1.5, None])], names=["x", "x", "y"])
        ours = read_stream(io.BytesIO(stream_bytes(table)))
        # pyarrow's own to_pandas mixes up the dtypes of same-named columns,
        # so compare with it on unique names.
        expected = table.rename_columns(["x0", "x1", "y"]).to_pandas()
        expected.columns = ["x", "x", "y"]
        pd.testing.assert_frame_equal(ours, expected)
        self.assertEqual(str(ours.iloc[:, 0].dtype), "int8")
        self.assertEqual(ours.iloc[:, 0].tolist(), [1, 2])

    def test_custom_metadata_is_ignored(self):
        schema = pa.schema([pa.field("a", pa.int32(), metadata={"k": "v"})], metadata={"top": "x" * 100})
        table = pa.table({"a": pa.array([1, 2], pa.int32())}, schema=schema)
        ours = self.assert_like_pyarrow(stream_bytes(table))
        self.assertEqual(ours["a"].tolist(), [1, 2])

    def test_unaligned_validity_and_offsets(self):
        big = pa.table({"s": pa.array([None if i % 3 == 0 else f"v{i}é" for i in range(100)]),
                        "b": pa.array([None if i % 5 == 0 else i % 2 == 0 for i in range(100)]),
                        "i": pa.array([None if i % 7 == 0 else i for i in range(100)], pa.int16())})
        data = stream_bytes(big.slice(13, 50))
        ours = self.assert_like_pyarrow(data)
        self.assertEqual(ours["s"][1], "v14é")

    def test_many_batches(self):
        table = pa.table({"v": pa.array(range(10_000), pa.int32()),
                          "s": pa.array([str(i) for i in range(10_000)])})
        data = stream_bytes(pa.Table.from_batches(table.to_batches(max_chunksize=997)))
        ours = self.assert_like_pyarrow(data)
        self.assertEqual(int(ours["v"].sum()), sum(range(10_000)))

    def test_compressed_bodies(self):
        table = sample_table()
        for codec, module in (("lz4", "lz4.frame"), ("zstd", "zstandard")):
            with self.subTest(codec=codec):
                data = stream_bytes(table, compression=codec)
                blocked = {"lz4": None, "lz4.frame": None, "zstandard": None}
                with mock.patch.dict(sys.modules, blocked):
                    stream = io.BytesIO(data + b"NEXT")
                    with self.assertRaises(UnsupportedCompression) as caught:
                        read_stream(stream)
                    self.assertIsInstance(caught.exception, ValueError)
                    self.assertIn("pyarrow", str(caught.exception))
                    self.assertIn({"lz4": "LZ4_FRAME", "zstd": "ZSTD"}[codec], str(caught.exception))
                    self.assertEqual(stream.read(), b"NEXT")
                try:
                    __import__(module)
                except ImportError:
                    print(f"\nSKIP part: {module} not importable, decompression untested", file=sys.stderr)
                    continue
                self.assert_like_pyarrow(data)

    def test_time64_nanoseconds_are_truncated_to_microseconds(self):
        # pyarrow's to_pandas refuses these; the built-in reader truncates.
        table = pa.table({"t": pa.array([1_000_001_999, None], pa.time64("ns"))})
        ours = read_stream(io.BytesIO(stream_bytes(table)))
        self.assertEqual(ours["t"].tolist(), [datetime.time(0, 0, 1, 1), None])

    def test_time_outside_one_day_is_a_clean_error(self):
        table = pa.table({"late": pa.array([86400], pa.time32("s"))})
        with self.assertRaisesRegex(ValueError, "late"):
            read_stream(io.BytesIO(stream_bytes(table)))

    def test_nested_column_is_refused_by_name(self):
        table = pa.table({"ok": [1], "nest": pa.array([[1, 2]])})
        stream = io.BytesIO(stream_bytes(table) + b"NEXT")
        with self.assertRaises(UnsupportedArrowType) as caught:
            read_stream(stream)
        self.assertIn("'nest'", str(caught.exception))
        self.assertIn("list", str(caught.exception))
        self.assertEqual(stream.read(), b"NEXT", "the refused stream must still be drained")

    def test_large_string_column_is_fast(self):
        values = [f"name {i} é" if i % 2 else f"name {i}" for i in range(300_000)]
        data = stream_bytes(pa.table({"s": pa.array(values), "a": pa.array(values[::2] * 2)}))
        start = time.perf_counter()
        ours = read_stream(io.BytesIO(data))
        elapsed = time.perf_counter() - start
        self.assertEqual(ours["s"].tolist()[-3:], values[-3:])
        self.assertLess(elapsed, 5.0)


class ExactnessTests(unittest.TestCase):
    """The reader consumes one stream and not a byte more.

    The streams come from pyarrow when it is importable, else from the corpus.
    """

    def setUp(self):
        if pa is not None:
            first = pa.table({"a": pa.array([1, 2, 3], pa.int32()), "s": ["x", None, "z"]})
            second = pa.table({"b": pa.array([True, None])})
            self.first, self.second = stream_bytes(first), stream_bytes(second)
            self.legacy = [stream_bytes(t, use_legacy_format=True) for t in (first, second)]
            return
        root = integration_dir(self)

        def corpus(name):
            with open(os.path.join(root, name), "rb") as handle:
                return handle.read()
        self.first = corpus("1.0.0-littleendian/generated_primitive_large_offsets.stream")
        self.second = corpus("cpp-21.0.0/generated_null.stream")
        self.legacy = [corpus("0.14.1/generated_decimal.stream"),
                       corpus("0.14.1/generated_dictionary.stream")]

    @staticmethod
    def alone(data):
        return read_stream(io.BytesIO(data))

    def assert_frames(self, frames, streams):
        self.assertEqual(len(frames), len(streams))
        for frame, data in zip(frames, streams):
            pd.testing.assert_frame_equal(frame, self.alone(data))
            if pa is not None:
                pd.testing.assert_frame_equal(frame, pyarrow_frame(data))

    def test_two_streams_back_to_back(self):
        stream = io.BytesIO(self.first + self.second + b"TRAILER")
        frames = [read_stream(stream), read_stream(stream)]
        self.assertEqual(stream.read(), b"TRAILER")
        self.assert_frames(frames, [self.first, self.second])
        self.assertNotEqual(list(frames[0].columns), list(frames[1].columns))

    def test_legacy_streams_back_to_back(self):
        self.assertNotEqual(self.legacy[0][:4], b"\xff\xff\xff\xff")
        self.assertEqual(self.legacy[0][-4:], b"\x00\x00\x00\x00")
        stream = io.BytesIO(b"".join(self.legacy) + b"TRAILER")
        frames = [read_stream(stream), read_stream(stream)]
        self.assertEqual(stream.read(), b"TRAILER")
        self.assert_frames(frames, self.legacy)

    def test_short_reads_are_completed(self):
        stream = ShortReads(self.first + b"TRAILER", step=3)
        frame = read_stream(stream)
        self.assertEqual(stream.rest(), b"TRAILER")
        self.assert_frames([frame], [self.first])

    def test_over_a_pipe(self):
        read_fd, write_fd = os.pipe()
        payload = self.first + self.second + b"TRAILER"

        def writer():
            with os.fdopen(write_fd, "wb") as out:
                for i in range(0, len(payload), 5):   # dribble it in
                    out.write(payload[i:i + 5])
                    out.flush()

        thread = threading.Thread(target=writer)
        thread.start()
        with os.fdopen(read_fd, "rb") as pipe:
            frames = [read_stream(pipe), read_stream(pipe)]
            self.assertEqual(pipe.read(), b"TRAILER")
        thread.join()
        self.assert_frames(frames, [self.first, self.second])

    def test_end_of_input_after_schema_is_accepted(self):
        self.assertEqual(self.first[-8:], b"\xff\xff\xff\xff\x00\x00\x00\x00")
        frame = read_stream(io.BytesIO(self.first[:-8]))
        self.assert_frames([frame], [self.first])
        self.assertGreater(len(frame), 0)

    def test_read_stream_bytes_cuts_out_exactly_one_stream(self):
        stream = ShortReads(self.first + self.legacy[0] + b"TRAILER", step=7)
        self.assertEqual(read_stream_bytes(stream), self.first)
        self.assertEqual(read_stream_bytes(stream), self.legacy[0])
        self.assertEqual(stream.rest(), b"TRAILER")
        cut = read_stream_bytes(io.BytesIO(self.first[:-8]))
        self.assertEqual(cut, self.first, "a stream ended by end of input gets its EOS back")
        with self.assertRaises(EOFError):
            read_stream_bytes(io.BytesIO(b""))
        with self.assertRaises(ValueError):
            read_stream_bytes(io.BytesIO(self.first[:-12]))

    def test_truncated_stream_is_an_error(self):
        for cut in (2, 6, 20, len(self.first) - 12):
            with self.subTest(cut=cut), self.assertRaises(ValueError):
                read_stream(io.BytesIO(self.first[:cut]))

    def test_empty_input_is_eof(self):
        with self.assertRaises(EOFError):
            read_stream(io.BytesIO(b""))

    def test_end_of_stream_without_schema_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "Schema"):
            read_stream(io.BytesIO(b"\xff\xff\xff\xff\x00\x00\x00\x00"))


class BigEndianBodyTests(unittest.TestCase):
    """Big-endian buffers of every layout (the corpus's big-endian files
    that this reader accepts only hold dictionaries)."""

    @staticmethod
    def decode(arrow_type, buffers, length, null_count=0):
        specs, offset = [], 0
        for buffer in buffers:
            specs.append([offset, len(buffer)])
            offset += len(buffer)
        body = arrow_builtin._Body(b"".join(buffers), specs, None, big_endian=True)
        values, valid = arrow_builtin._decode(arrow_type, length, null_count, body)
        return arrow_type.convert(arrow_type, values, valid)

    def make(self, layout, storage, convert, param=None):
        return arrow_builtin._Type("test", layout, storage and np.dtype(storage), convert, param)

    def test_integers_floats_and_timestamps(self):
        ints = self.make("fixed", "<i4", arrow_builtin._pd_int)
        self.assertEqual(self.decode(ints, [b"", struct.pack(">3i", 1, -2, 70000)], 3).tolist(),
                         [1, -2, 70000])
        floats = self.make("fixed", "<f8", arrow_builtin._pd_float)
        validity = bytes([0b101])
        out = self.decode(floats, [validity, struct.pack(">3d", 1.5, 9.0, -2.25)], 3, null_count=1)
        self.assertEqual(out[[0, 2]].tolist(), [1.5, -2.25])
        self.assertTrue(np.isnan(out[1]))
        stamps = self.make("fixed", "<i8", arrow_builtin._pd_timestamp, ("ms", None))
        out = self.decode(stamps, [b"", struct.pack(">q", 86_400_000)], 1)
        self.assertEqual(out.tolist(), [np.datetime64("1970-01-02T00:00:00.000")])

    def test_strings_use_swapped_offsets(self):
        text = self.make("varbinary", "<i4", arrow_builtin._pd_objects, True)
        out = self.decode(text, [b"", struct.pack(">4i", 0, 2, 5, 7), "hiabcé".encode()], 3)
        self.assertEqual(out.tolist(), ["hi", "abc", "é"])
        large = self.make("varbinary", "<i8", arrow_builtin._pd_objects, False)
        out = self.decode(large, [b"", struct.pack(">3q", 0, 1, 3), b"xyz"], 2)
        self.assertEqual(out.tolist(), [b"x", b"yz"])

    def test_decimal128_words_are_swapped(self):
        decimals = self.make("decimal", None, arrow_builtin._pd_decimal, 2)
        raw = b"".join((v % 2 ** 128).to_bytes(16, "big") for v in (-12345, 2 ** 100 + 7))
        out = self.decode(decimals, [b"", raw], 2)
        self.assertEqual(out.tolist(), [decimal.Decimal("-123.45"),
                                        decimal.Decimal(2 ** 100 + 7).scaleb(-2, decimal.Context(prec=60))])


class IntegrationCorpusTests(unittest.TestCase):
    """The arrow-testing integration streams against their golden JSON."""

    def cases(self):
        root = integration_dir(self)
        streams = sorted(glob.glob(os.path.join(root, "*", "generated_*.stream")))
        self.assertGreater(len(streams), 50, f"too few integration streams under {root}")
        versions = {os.path.basename(os.path.dirname(p)) for p in streams}
        for needed in ("0.14.1", "1.0.0-bigendian", "2.0.0-compression", "1.0.0-littleendian"):
            self.assertIn(needed, versions)
        for path in streams:
            yield os.path.relpath(path, root), path, golden.load(path[:-len(".stream")] + ".json.gz")

    def test_streams_match_golden_json(self):
        outcome = {"read": 0, "unsupported": 0, "bad time": 0, "codec module missing": 0}
        for name, path, gold in self.cases():
            with self.subTest(file=name):
                outcome[self.check_file(name, path, gold)] += 1
        print(f"\nintegration streams: {outcome}", file=sys.stderr)
        self.assertGreaterEqual(outcome["read"], 23)
        self.assertEqual(outcome["read"] + outcome["codec module missing"], 27)

    def check_file(self, name, path, gold):
        with open(path, "rb") as handle:
            stream = io.BytesIO(handle.read() + b"TRAILER")
        unsupported = golden.unsupported_fields(gold)
        if unsupported:
            with self.assertRaises(UnsupportedArrowType) as caught:
                read_stream(stream)
            self.assertIn(repr(unsupported[0]), str(caught.exception))
            self.assertEqual(stream.read(), b"TRAILER")
            return "unsupported"
        bad_times = golden.out_of_range_times(gold)
        if bad_times:   # e.g. time32[s] 86400 in old generators: not a datetime.time
            with self.assertRaises(ValueError) as caught:
                read_stream(stream)
            self.assertIn(repr(bad_times[0]), str(caught.exception))
            self.assertEqual(stream.read(), b"TRAILER")
            return "bad time"
        module = missing_codec(path)
        if module:
            print(f"\n{name}: {module} not importable, checking the refusal only", file=sys.stderr)
            with self.assertRaisesRegex(UnsupportedCompression, "pyarrow"):
                read_stream(stream)
            self.assertEqual(stream.read(), b"TRAILER")
            return "codec module missing"
        frame = read_stream(stream)
        self.assertEqual(stream.read(), b"TRAILER")
        self.compare_frame(name, frame, gold)
        return "read"

    def compare_frame(self, name, frame, gold):
        fields = gold["schema"]["fields"]
        self.assertEqual(list(frame.columns), [f["name"] for f in fields])
        self.assertEqual(len(frame), sum(batch["count"] for batch in gold["batches"]))
        for index, field in enumerate(fields):
            with self.subTest(file=name, column=field["name"]):
                series = frame.iloc[:, index]
                expected = golden.expected_column(gold, index)
                nulls = self.validity_has_nulls(gold, index)
                self.assertEqual(str(series.dtype), golden.expected_dtype(field, nulls))
                actual = golden.actual_column(series, field["type"])
                expected = golden.comparable_expected(expected, series, field["type"])
                self.assertEqual(len(actual), len(expected))
                mismatches = [(i, e, a) for i, (e, a) in enumerate(zip(expected, actual)) if e != a]
                self.assertEqual(mismatches[:5], [], f"{len(mismatches)} mismatching values")

    @staticmethod
    def validity_has_nulls(gold, index):
        return any(0 in batch["columns"][index].get("VALIDITY", [1]) for batch in gold["batches"])

    def test_compressed_streams_without_codec_modules(self):
        root = integration_dir(self)
        paths = sorted(glob.glob(os.path.join(root, "2.0.0-compression", "*.stream")))
        self.assertEqual(len(paths), 4)
        blocked = {"lz4": None, "lz4.frame": None, "zstandard": None}
        for path in paths:
            with self.subTest(file=os.path.basename(path)), mock.patch.dict(sys.modules, blocked):
                with open(path, "rb") as handle:
                    stream = io.BytesIO(handle.read() + b"TRAILER")
                with self.assertRaisesRegex(ValueError, "compressed with (LZ4_FRAME|ZSTD).*pyarrow"):
                    read_stream(stream)
                self.assertEqual(stream.read(), b"TRAILER")

    def test_supported_streams_match_pyarrow(self):
        require_pyarrow(self)
        checked = 0
        for name, path, gold in self.cases():
            if (golden.unsupported_fields(gold) or golden.out_of_range_times(gold)
                    or missing_codec(path)):
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            try:
                reference = pyarrow_frame(data)
            except (pa.ArrowInvalid, ValueError) as exc:
                # pyarrow's to_pandas refuses null dictionary entries and
                # sub-microsecond times; the golden JSON test covers those.
                print(f"\n{name}: pyarrow cannot convert it ({exc})", file=sys.stderr)
                continue
            with self.subTest(file=name):
                pd.testing.assert_frame_equal(read_stream(io.BytesIO(data)), reference)
                checked += 1
        self.assertGreaterEqual(checked, 10)

    def test_invalid_streams_fail_cleanly(self):
        root = os.path.join(os.path.dirname(integration_dir(self)), "invalid")
        paths = sorted(glob.glob(os.path.join(root, "arrow-ipc-stream", "*")))
        paths += glob.glob(os.path.join(root, "forward-compatibility", "*"))
        self.assertGreater(len(paths), 50)
        results = {"read": 0, "refused": 0}
        for path in paths:
            with self.subTest(file=os.path.basename(path)):
                with open(path, "rb") as handle:
                    data = handle.read()
                start = time.perf_counter()
                try:
                    read_stream(io.BytesIO(data))
                    results["read"] += 1
                except (ValueError, EOFError):
                    results["refused"] += 1
                self.assertLess(time.perf_counter() - start, 10)
        print(f"\ninvalid streams: {results}", file=sys.stderr)
        self.assertGreater(results["refused"], 0)

    def test_metadata_version_v6_is_refused(self):
        path = os.path.join(os.path.dirname(integration_dir(self)), "invalid",
                            "forward-compatibility", "schema_v6.arrow")
        with open(path, "rb") as handle:
            data = handle.read()
        with self.assertRaisesRegex(ValueError, "metadata version V6"):
            read_stream(io.BytesIO(data))


if __name__ == "__main__":
    unittest.main()
