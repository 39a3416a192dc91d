"""Writes the plan benchmark's table, a time series `ts, value, category, id`, as Parquet and CSV.

    python bench/plan/make_table.py ROWS DIR

One reading per second (timestamps), a random walk (value), eight categories, a running id.
Parquet in row groups of a million rows (as DuckDB and pyarrow write them); CSV with a header.
"""
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

CHUNK = 1_000_000
CATEGORIES = np.array(["north", "south", "east", "west", "up", "down", "left", "right"])


def chunks(rows, seed=7):
    rng = np.random.default_rng(seed)
    start = np.datetime64("2025-01-01T00:00:00", "s")
    level = 0.0
    for first in range(0, rows, CHUNK):
        n = min(CHUNK, rows - first)
        steps = rng.normal(size=n)
        values = level + np.cumsum(steps)
        level = float(values[-1])
        yield pa.table({
            "ts": pa.array(start + np.arange(first, first + n), pa.timestamp("us")),
            "value": values,
            "category": CATEGORIES[rng.integers(0, len(CATEGORIES), n)],
            "id": np.arange(first, first + n, dtype=np.int64),
        })


def main(rows, directory):
    os.makedirs(directory, exist_ok=True)
    parquet = os.path.join(directory, "series-%d.parquet" % rows)
    csv = os.path.join(directory, "series-%d.csv" % rows)
    writer = csv_writer = None
    for table in chunks(rows):
        if writer is None:
            writer = pq.ParquetWriter(parquet, table.schema)
            csv_writer = pacsv.CSVWriter(csv, table.schema)
        writer.write_table(table, row_group_size=CHUNK)
        csv_writer.write_table(table)
    writer.close()
    csv_writer.close()
    print(parquet)
    print(csv)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
