"""polars' side of the Parquet ingest benchmark: read a Parquet file, write it as an Arrow IPC stream.

    python bench/parquet_to_arrow_polars.py IN.parquet OUT.arrows   (- for standard output;
                                                                   schema: print the schema only)
"""
import sys

import polars as pl

source, target = sys.argv[1], sys.argv[2]
if target == "schema":
    print(pl.read_parquet_schema(source))
else:
    pl.read_parquet(source).write_ipc_stream(sys.stdout.buffer if target == "-" else target,
                                             compression="uncompressed")
