"""Writes a large CSV of mixed column types for the CSV ingest benchmark.

Usage: make_csv.py OUTPUT [TARGET_MB]

Columns: an int64 id, a date, a timestamp, a low-cardinality category (dictionary-encoded by
charton), a free-text label, two float64 measures, an int64 count and a boolean flag. The content
is deterministic (fixed seed) so runs on different days read the same bytes.
"""
import sys

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROWS_PER_CHUNK = 500_000
CATEGORIES = np.array(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
                       "india", "juliett", "kilo", "lima"])


def chunk(rng, start):
    n = ROWS_PER_CHUNK
    ids = np.arange(start, start + n, dtype=np.int64)
    days = rng.integers(0, 20_000, n).astype("datetime64[D]")
    seconds = rng.integers(0, 1_700_000_000, n).astype("datetime64[s]")
    category = CATEGORIES[rng.integers(0, len(CATEGORIES), n)]
    label = np.char.add("item-", rng.integers(0, 10_000_000, n).astype(str))
    price = np.round(rng.normal(100.0, 25.0, n), 4)
    ratio = rng.random(n)
    count = rng.integers(-1_000_000, 1_000_000, n)
    flag = rng.random(n) < 0.5
    return pa.table({
        "id": ids, "day": pa.array(days, pa.date32()), "moment": pa.array(seconds, pa.timestamp("s")),
        "category": category, "label": label, "price": price, "ratio": ratio, "count": count, "flag": flag,
    })


def main():
    out = sys.argv[1]
    target = int(sys.argv[2] if len(sys.argv) > 2 else 1024) * 1024 * 1024
    rng = np.random.default_rng(20240101)
    written = 0
    start = 0
    with pa.OSFile(out, "wb") as sink:
        first = chunk(rng, start)
        with pacsv.CSVWriter(sink, first.schema, write_options=pacsv.WriteOptions(quoting_style="needed")) as writer:
            table = first
            while True:
                writer.write_table(table)
                start += ROWS_PER_CHUNK
                written = sink.tell()
                if written >= target:
                    break
                table = chunk(rng, start)
    print(f"{out}: {written / 1e6:.0f} MB, {start} rows")


if __name__ == "__main__":
    main()
