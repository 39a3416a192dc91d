"""The pandas side of the CSV ingest benchmark: pandas.read_csv with its defaults on one file.

Prints one line like CsvIngest: bytes, rows, seconds inside read_csv, MB/s.
"""
import os
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    size = os.path.getsize(path)
    start = time.perf_counter()
    frame = pd.read_csv(path)
    seconds = time.perf_counter() - start
    print(f"pandas {pd.__version__} read_csv: {size} bytes, {len(frame)} rows, {seconds:.2f} s, "
          f"{size / 1e6 / seconds:.1f} MB/s")


if __name__ == "__main__":
    main()
