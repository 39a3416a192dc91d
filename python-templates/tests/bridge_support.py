"""Shared helpers of the bridge's Python tests: import path, sample streams, optional packages."""
import datetime
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.dirname(HERE)
REPO_ROOT = os.path.dirname(TEMPLATES)
FAULT_RENDERERS = os.path.join(REPO_ROOT, "src", "test", "resources", "fault-renderers")
if TEMPLATES not in sys.path:
    sys.path.insert(0, TEMPLATES)


def require_module(test, name):
    """Imports ``name``, or fails (under CI) / skips visibly (elsewhere) when it is not installed."""
    module = optional_module(test, name, "this test is skipped")
    if module is None:
        test.skipTest("%s is not importable here" % name)
    return module


def optional_module(test, name, consequence="the parts of this test that need it are left out"):
    """Imports ``name``, or None with a visible note (a failure under CI, where it is required)."""
    try:
        return __import__(name)
    except ImportError as e:
        message = "%s is not importable here (%s)" % (name, e)
        if os.environ.get("CI") == "true":
            test.fail(message + " (under CI it is required)")
        print("\nNOTE: %s; %s" % (message, consequence), file=sys.stderr)
        return None


def corpora_dir():
    default = os.path.join(REPO_ROOT, "..", "shared", "corpora")
    return os.path.normpath(os.environ.get("CHARTON_TEST_CORPORA", default))


def integration_streams(test):
    """Every .stream file of the Arrow integration corpus (fails under CI, skips elsewhere, when absent)."""
    root = os.path.join(corpora_dir(), "arrow", "integration")
    if not os.path.isdir(root):
        message = "corpora not found at %s: set CHARTON_TEST_CORPORA" % root
        if os.environ.get("CI") == "true":
            test.fail(message)
        print("\nSKIP: " + message, file=sys.stderr)
        test.skipTest(message)
    found = []
    for directory, _, files in os.walk(root):
        found.extend(os.path.join(directory, f) for f in files if f.endswith(".stream"))
    return sorted(found)


def java_like_table(pa, rows=50):
    """A table with the column types charton's CSV reader produces, nulls included."""
    utc = datetime.timezone.utc
    return pa.table({
        "i": pa.array([None if r % 7 == 3 else r * 3 - 40 for r in range(rows)], pa.int64()),
        "f": pa.array([None if r % 5 == 1 else r / 4 for r in range(rows)], pa.float64()),
        "b": pa.array([None if r % 6 == 2 else r % 2 == 0 for r in range(rows)], pa.bool_()),
        "s": pa.array([None if r % 4 == 0 else "v%d é" % r for r in range(rows)], pa.string()),
        "d": pa.array([None if r % 9 == 4 else datetime.date(2024, 1, 1) + datetime.timedelta(days=r)
                       for r in range(rows)], pa.date32()),
        "t": pa.array([None if r % 8 == 5 else datetime.datetime(2024, 3, 1, 12) + datetime.timedelta(minutes=r)
                       for r in range(rows)], pa.timestamp("ms")),
        "tz": pa.array([None if r % 10 == 6 else datetime.datetime(2024, 3, 1, tzinfo=utc) + datetime.timedelta(hours=r)
                        for r in range(rows)], pa.timestamp("us", tz="UTC")),
        "ni": pa.array(range(rows), pa.int64()),
    })


def stream_bytes(pa, table, batch_rows=None):
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        if batch_rows:
            for batch in table.to_batches(max_chunksize=batch_rows):
                writer.write_batch(batch)
        else:
            writer.write_table(table)
    return sink.getvalue()
