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

# The raw pipe: Python reads everything and drops it (raw), or keeps it all in memory
# (raw-keep: what any reader that builds a table in a fresh process pays at least).
raw_runs=()
for _ in $(seq "$runs"); do
  for mode in raw raw-keep; do
    start=$(date +%s.%N)
    cat "$stream" | "$python" -c 'import sys
f, kept, keep = sys.stdin.buffer, [], sys.argv[1] == "raw-keep"
while (chunk := f.read(1 << 20)):
    if keep:
        kept.append(chunk)' "$mode"
    end=$(date +%s.%N)
    raw_runs+=("$mode $bytes $(echo "$end - $start" | bc -l)")
    echo "${raw_runs[-1]}"
  done
done

java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC \
  -cp target/charton.jar:target/test-classes dev.charton.bench.BridgeTransferBenchmark \
  "$size_mb" "$python" src/test/resources/fault-renderers "$runs" "$stream" | tee bench/out/transfer.txt
printf '%s\n' "${raw_runs[@]}" >> bench/out/transfer.txt

"$python" - bench/out/transfer.txt <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    mode, size, seconds = line.split()
    runs.setdefault(mode, []).append(int(size) / float(seconds) / 1e6)
# Other work on the machine only ever slows a run down, so the best run shows what each path can
# do; the median shows what it did.
for name, pick in (("median", statistics.median), ("best", max)):
    rate = {mode: pick(v) for mode, v in runs.items()}
    print("%s MB/s: %s" % (name, ", ".join("%s %.0f" % (m, rate[m]) for m in
                                          ("raw", "raw-keep", "bridge", "bridge-cold", "base64", "file"))))
    print("  bridge / raw pipe %.2f (cold %.2f), bridge / raw pipe keeping the data %.2f, bridge / base64 %.1f,"
          " file / raw pipe %.2f" % (rate["bridge"] / rate["raw"], rate["bridge-cold"] / rate["raw"],
                                     rate["bridge"] / rate["raw-keep"], rate["bridge"] / rate["base64"],
                                     rate["file"] / rate["raw"]))
PY
