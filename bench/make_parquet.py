"""Writes the Parquet file the Parquet ingest benchmark reads (bench/parquet_ingest.sh): a time series
`ts, value, category, id` with pyarrow's defaults (snappy, dictionary pages where they pay, row groups
of 1 Mi rows). `value` is a random walk with 1 % nulls; `category` one of 50 names.

    python bench/make_parquet.py ROWS OUTPUT
"""
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

rows, path = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(12345)
chunk = 1_000_000
schema = pa.schema([
    ("ts", pa.timestamp("us")),
    ("value", pa.float64()),
    ("category", pa.string()),
    ("id", pa.int64()),
])
categories = np.array([f"sensor-{i:02d}" for i in range(50)], dtype=object)
level = 0.0
with pq.ParquetWriter(path, schema) as writer:
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        walk = level + np.cumsum(rng.normal(0, 1, n))
        level = walk[-1]
        writer.write_table(pa.table({
            "ts": pa.array(1_700_000_000_000_000 + np.arange(start, start + n, dtype=np.int64) * 1_000_000,
                           pa.timestamp("us")),
            "value": pa.array(walk, mask=rng.random(n) < 0.01),
            "category": pa.array(categories[rng.integers(0, len(categories), n)], pa.string()),
            "id": rng.integers(0, 1 << 40, n, dtype=np.int64),
        }, schema=schema))
