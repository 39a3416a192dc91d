"""Writes the flights table of the plan benchmark: vega-datasets' 200,000 real flights (delay,
distance, time) repeated to ROWS rows, as Parquet in row groups of a million rows.

    python bench/plan/make_flights.py ROWS DIR

The flights come from the test corpora (CHARTON_TEST_CORPORA, default ../shared/corpora).
"""
import os
import sys

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq


def main(rows, directory):
    corpora = os.environ.get("CHARTON_TEST_CORPORA", "../shared/corpora")
    flights = feather.read_table(os.path.join(corpora, "datasets/vega-datasets/flights-200k.arrow"))
    repeats = -(-rows // flights.num_rows)
    table = pa.concat_tables([flights] * repeats).slice(0, rows)
    os.makedirs(directory, exist_ok=True)
    pq.write_table(table, os.path.join(directory, f"flights-{rows}.parquet"), row_group_size=1_000_000)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
