"""Writes the Parquet file bench/parquet_ingest.sh reads: a few typical columns, pyarrow defaults (snappy)."""
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

rows, path = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(12345)
chunk = 1_000_000
schema = pa.schema([
    ("id", pa.int64()),
    ("ts", pa.timestamp("us", tz="UTC")),
    ("category", pa.string()),
    ("price", pa.float64()),
    ("quantity", pa.int32()),
    ("flag", pa.bool_()),
])
categories = np.array([f"category-{i:03d}" for i in range(200)], dtype=object)
with pq.ParquetWriter(path, schema) as writer:
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        price = rng.normal(100, 15, n)
        price[rng.random(n) < 0.01] = np.nan
        writer.write_table(pa.table({
            "id": np.arange(start, start + n, dtype=np.int64),
            "ts": pa.array(1_700_000_000_000_000 + np.arange(start, start + n, dtype=np.int64) * 1_000_000,
                           pa.timestamp("us", tz="UTC")),
            "category": pa.array(categories[rng.integers(0, 200, n)], pa.string()),
            "price": price,
            "quantity": rng.integers(0, 1000, n, dtype=np.int32),
            "flag": rng.random(n) < 0.5,
        }, schema=schema))
