"""Writes an Arrow IPC stream of about SIZE_MB megabytes (float64, int64 and string columns) to PATH."""
import sys

import numpy as np
import pyarrow as pa

path, size_mb = sys.argv[1], int(sys.argv[2])
rows_per_batch = 1 << 20
rng = np.random.default_rng(7)
labels = pa.array(["north", "south", "east", "west"])
schema = pa.schema([("x", pa.float64()), ("y", pa.float64()), ("n", pa.int64()), ("label", pa.string())])
written = 0
with pa.OSFile(path, "wb") as sink, pa.ipc.new_stream(sink, schema) as writer:
    while written < size_mb * 1_000_000:
        batch = pa.record_batch([
            pa.array(rng.random(rows_per_batch)),
            pa.array(rng.normal(size=rows_per_batch)),
            pa.array(rng.integers(0, 1 << 40, rows_per_batch)),
            labels.take(pa.array(rng.integers(0, 4, rows_per_batch))),
        ], schema=schema)
        writer.write_batch(batch)
        written += batch.nbytes
