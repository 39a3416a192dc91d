#!/usr/bin/env bash
# CSV ingest benchmark: charton's CSV reader against pandas.read_csv on the same generated file,
# in the same run, alternating. charton's side (dev.charton.bench.CsvIngest) is the reader exactly
# as `charton plot` runs it: parsing, type inference, conversion to Arrow vectors, and the Arrow
# IPC stream written to /dev/null instead of the pipe to Python. It runs with the JVM options of
# the ./charton launcher. Peak RSS and CPU come from /usr/bin/time.
#
# Usage: bench/csv_ingest.sh [SIZE_MB (default 1024)] [RUNS (default 3)]
# The generated file stays in bench/out/ (git-ignored) and is reused.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
runs="${2:-3}"
python="${CHARTON_BENCH_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
csv="$home/bench/out/mixed-${size_mb}m.csv"

mkdir -p "$home/bench/out"
if [ ! -f "$csv" ]; then
  "$python" "$home/bench/make_csv.py" "$csv" "$size_mb" >&2
fi
(cd "$home" && mvn -q -B -Dstyle.color=never -DskipTests package >&2)

# The launcher's JVM options, read from its jvm_flags line so the two cannot drift apart. For a file
# of 16 MB or more the launcher adds no JIT restriction (C1 and C2 both run), so neither does this;
# its start-up archive only shortens start-up, which the "read" figures leave out anyway.
jvm_options="$(sed -n 's/^jvm_flags=(\(.*\))$/\1/p' "$home/charton")"
if [ -z "$jvm_options" ]; then
  echo "csv_ingest.sh: could not read the JVM options (jvm_flags=...) from $home/charton" >&2
  exit 70
fi
java_command="java $jvm_options -cp $home/target/charton.jar:$home/target/test-classes dev.charton.bench.CsvIngest"

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)" >&2
echo "JVM options: $jvm_options" >&2
"$python" "$home/bench/csv_ingest.py" "$csv" "$runs" "$java_command" "$python"
