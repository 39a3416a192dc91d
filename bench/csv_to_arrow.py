"""pyarrow's or polars' side of the CSV convert benchmark: read a CSV file, write it as an Arrow IPC stream.

    python bench/csv_to_arrow.py pyarrow|polars IN.csv OUT.arrows   (- for standard output)

Each library with its defaults: pyarrow.csv.read_csv (types from the first block, every core) and
polars.read_csv (types from the first 100 rows, every core).
"""
import sys

library, source, target = sys.argv[1:4]
out = sys.stdout.buffer if target == "-" else target
if library == "pyarrow":
    import pyarrow.csv as csv
    import pyarrow.ipc as ipc

    table = csv.read_csv(source)
    with ipc.new_stream(out, table.schema) as writer:
        writer.write_table(table)
elif library == "polars":
    import polars as pl

    pl.read_csv(source).write_ipc_stream(out, compression="uncompressed")
else:
    sys.exit("library must be pyarrow or polars, not " + library)
