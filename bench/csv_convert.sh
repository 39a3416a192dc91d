#!/usr/bin/env bash
# CSV convert: `charton convert FILE -o -` against pyarrow and polars scripts that read the same CSV
# file and write the same Arrow IPC stream to standard output (/dev/null). In turns, one run; medians
# of wall time and peak RSS (GNU time). Prints Markdown tables.
#
#   bench/csv_convert.sh [RUNS (default 5)] [FILE.csv ...]
# The default files are the plan benchmark's tables, bench/out/plan/series-{1000000,10000000}.csv
# (made by bench/plan.sh). CHARTON_BENCH_PYTHON: an interpreter with pyarrow and polars.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
shift || true
python="${CHARTON_BENCH_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$home/bench/out/plan/series-1000000.csv" "$home/bench/out/plan/series-10000000.csv")
fi

"$home/charton" --version > /dev/null # builds the jar if the sources changed
export CHARTON_NO_BUILD=1 CHARTON_NO_SETUP=1
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(date -u '+%Y-%m-%d %H:%M UTC')"
"$python" "$home/bench/csv_convert.py" "$home/charton" "$python" "$runs" "${files[@]}"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
