#!/usr/bin/env bash
# Bridge benchmark 2: wall time of a small plot (1,000-row CSV to an 800x600 PNG) with charton,
# beside the equivalent hand-written Python script (bench/bridge/small_plot.py) on the same
# interpreter. Runs alternate (script, charton, script, ...) so both see the same machine load.
# Prints the median and best times and their ratio.
# Usage: bench/bridge-latency.sh [RUNS=15]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
mkdir -p bench/out
[ -f target/charton.jar ] || mvn -q -B -Dstyle.color=never -DskipTests package
python="$(./charton doctor --json | sed -n 's/^    "executable" : "\(.*\)",$/\1/p' | head -1)"
csv=bench/out/small.csv
"$python" bench/bridge/make_small_csv.py "$csv"
export CHARTON_NO_BUILD=1
# Warm both (page cache, Python's bytecode caches) before measuring.
"$python" bench/bridge/small_plot.py "$csv" bench/out/script.png
./charton plot "$csv" --x x --y y -o bench/out/charton.png
: > bench/out/latency.txt
for _ in $(seq "$runs"); do
  for who in script charton; do
    start=$(date +%s%N)
    if [ "$who" = script ]; then
      "$python" bench/bridge/small_plot.py "$csv" bench/out/script.png
    else
      ./charton plot "$csv" --x x --y y -o bench/out/charton.png
    fi
    echo "$who $(( ($(date +%s%N) - start) / 1000000 ))" >> bench/out/latency.txt
  done
done
"$python" - bench/out/latency.txt <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    who, ms = line.split()
    runs.setdefault(who, []).append(int(ms))
for who in ("script", "charton"):
    print("%-8s median %5d ms  best %5d ms  (%s)" % (who, statistics.median(runs[who]), min(runs[who]),
                                                     " ".join(map(str, runs[who]))))
print("charton / script: median %.2f, best %.2f" % (statistics.median(runs["charton"]) / statistics.median(runs["script"]),
                                                      min(runs["charton"]) / min(runs["script"])))
PY
