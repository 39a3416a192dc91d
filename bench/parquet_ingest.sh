#!/usr/bin/env bash
# Parquet ingest: charton (parse + convert to Arrow + IPC serialise) beside pandas.read_parquet
# (pyarrow), on the same generated file in the same run. Prints a Markdown table.
#
#   bench/parquet_ingest.sh [ROWS]        (default 10000000; the file is cached in bench/.data/)
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
python="${CHARTON_BENCH_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
data="$home/bench/.data"
file="$data/ingest_${rows}.parquet"
mkdir -p "$data"

if [ ! -f "$file" ]; then
  "$python" "$home/bench/make_parquet.py" "$rows" "$file"
fi
[ -f "$home/target/charton.jar" ] || (cd "$home" && mvn -q -B -Dmaven.test.skip=true package)

# Runs a command under GNU time; prints "seconds peak_rss_kib".
measure() {
  local log
  log="$(mktemp)"
  /usr/bin/time -v -o "$log" "$@" > /dev/null
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
  rm -f "$log"
  # m:ss.cc or h:mm:ss -> seconds
  echo "$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }') $rss"
}

read -r charton_s charton_rss < <(measure env CHARTON_NO_BUILD=1 "$home/charton" convert "$file" -o -)
read -r pandas_s pandas_rss < <(measure "$python" -c "import sys, pandas; pandas.read_parquet(sys.argv[1])" "$file")

size="$(stat -c %s "$file")"
echo "| reader | wall s | rows/s | peak RSS MiB |"
echo "|---|---:|---:|---:|"
awk -v r="$rows" -v s="$charton_s" -v m="$charton_rss" 'BEGIN { printf "| charton convert -o - (Parquet -> Arrow IPC) | %.2f | %.0f | %.0f |\n", s, r / s, m / 1024 }'
awk -v r="$rows" -v s="$pandas_s" -v m="$pandas_rss" 'BEGIN { printf "| pandas.read_parquet (pyarrow) | %.2f | %.0f | %.0f |\n", s, r / s, m / 1024 }'
echo
echo "File: $rows rows, $((size / 1048576)) MiB ($(basename "$file")); wall time includes process start-up for both."
