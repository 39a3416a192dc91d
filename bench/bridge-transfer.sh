#!/usr/bin/env bash
# Bridge benchmark 1: Java -> Python throughput of a ~1 GB Arrow IPC stream over charton's bridge,
# beside a raw pipe (cat FILE | python reading it all) and beside base64 (Java encodes, Python
# decodes, then reads), on the interpreter charton uses. Prints each run and the median ratios.
# Usage: bench/bridge-transfer.sh [SIZE_MB=1000] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1000}"
runs="${2:-3}"
mkdir -p bench/out
[ -f target/charton.jar ] && [ -d target/test-classes/dev/charton/bench ] \
  || mvn -q -B -Dstyle.color=never -DskipTests package test-compile
python="$(./charton doctor --json | sed -n 's/^    "executable" : "\(.*\)",$/\1/p' | head -1)"
stream="bench/out/transfer-${size_mb}mb.arrows"
[ -f "$stream" ] || "$python" bench/bridge/make_stream.py "$stream" "$size_mb"
bytes=$(stat -c %s "$stream")
echo "stream: $stream ($bytes bytes), python: $python"

raw_runs=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  cat "$stream" | "$python" -c 'import sys
f = sys.stdin.buffer
while f.read(1 << 20):
    pass'
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  raw_runs+=("$seconds")
  echo "raw $bytes $seconds"
done

java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC \
  -cp target/charton.jar:target/test-classes dev.charton.bench.BridgeTransferBenchmark \
  "$size_mb" "$python" src/test/resources/fault-renderers "$runs" "$stream" | tee bench/out/transfer.txt
printf '%s\n' "${raw_runs[@]/#/raw $bytes }" >> bench/out/transfer.txt

"$python" - bench/out/transfer.txt <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    mode, size, seconds = line.split()
    runs.setdefault(mode, []).append(int(size) / float(seconds) / 1e6)
median = {mode: statistics.median(v) for mode, v in runs.items()}
for mode in ("raw", "bridge", "base64", "file"):
    print("%-7s median %7.0f MB/s  (%s)" % (mode, median[mode], ", ".join("%.0f" % v for v in runs[mode])))
print("bridge / raw pipe: %.2f" % (median["bridge"] / median["raw"]))
print("bridge / base64:   %.2f" % (median["bridge"] / median["base64"]))
print("file   / raw pipe: %.2f" % (median["file"] / median["raw"]))
PY
