"""Runs the CSV convert benchmark (see csv_convert.sh) and prints Markdown tables: `charton convert
FILE -o -` against bench/csv_to_arrow.py with pyarrow and with polars, in turns, output to /dev/null.

    python bench/csv_convert.py CHARTON PYTHON RUNS FILE.csv...
"""
import os
import sys

from parquet_ingest import run_in_turns, table

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    charton, python, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    script = os.path.join(HERE, "csv_to_arrow.py")
    for csv in sys.argv[4:]:
        results = run_in_turns({
            "charton convert -o -": [charton, "convert", csv, "-o", "-"],
            "pyarrow read_csv + IPC stream": [python, script, "pyarrow", csv, "-"],
            "polars read_csv + write_ipc_stream": [python, script, "polars", csv, "-"],
        }, runs)
        table(f"CSV to an Arrow IPC stream on standard output (/dev/null): {os.path.basename(csv)}"
              f" ({os.path.getsize(csv) / 1048576:.0f} MiB), {runs} rounds", results, "charton convert -o -")


if __name__ == "__main__":
    main()
