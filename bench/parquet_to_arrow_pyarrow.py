"""pyarrow's side of the Parquet ingest benchmark: read a Parquet file, write it as an Arrow IPC stream.

    python bench/parquet_to_arrow_pyarrow.py IN.parquet OUT.arrows   (- for standard output;
                                                                    schema: print the schema only)
"""
import sys

import pyarrow.ipc as ipc
import pyarrow.parquet as pq

source, target = sys.argv[1], sys.argv[2]
if target == "schema":
    print(pq.read_schema(source))
else:
    table = pq.read_table(source)
    with ipc.new_stream(sys.stdout.buffer if target == "-" else target, table.schema) as writer:
        writer.write_table(table)
