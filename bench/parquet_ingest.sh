#!/usr/bin/env bash
# Parquet ingest: `charton convert FILE -o -` against a pyarrow script and a polars script that read
# the same file and write the same Arrow IPC stream to standard output (/dev/null, so the disk's
# speed on a shared machine stays out of it), at 1M and 10M rows, and the time to
# open a small Parquet file (`charton schema`) against the same table as CSV. In turns, one run;
# medians of wall time and peak RSS (GNU time). Prints Markdown tables.
#
#   bench/parquet_ingest.sh [RUNS]     (default 5; the files are made once, in bench/.data/)
# CHARTON_BENCH_PYTHON: an interpreter with pyarrow, polars and numpy (default: charton's managed one).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
python="${CHARTON_BENCH_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
data="$home/bench/.data"
mkdir -p "$data"

for rows in 1000000 10000000; do
  [ -f "$data/series_$rows.parquet" ] || "$python" "$home/bench/make_parquet.py" "$rows" "$data/series_$rows.parquet"
done
small_csv="$home/examples/weather.csv"
small_parquet="$home/examples/weather.parquet" # the same table (examples/make_weather_parquet.py)

"$home/charton" --version > /dev/null # builds the jar and its start-up archive if the sources changed
export CHARTON_NO_BUILD=1 CHARTON_NO_SETUP=1
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(date -u '+%Y-%m-%d %H:%M UTC')"
"$python" "$home/bench/parquet_ingest.py" "$home/charton" "$python" "$runs" "$small_csv" "$small_parquet" \
  "$data/series_1000000.parquet" "$data/series_10000000.parquet"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
