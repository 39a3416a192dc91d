#!/usr/bin/env bash
# Bridge benchmark 2: wall time of a small plot (1,000-row CSV to an 800x600 PNG) with charton,
# beside the equivalent hand-written Python script (bench/bridge/small_plot.py) on the same
# interpreter. Runs alternate (script, charton, script, ...) so both see the same machine load.
# Prints the median and best wall times, the median CPU time (user + system, children included:
# steadier than wall time on a busy machine), and the ratios.
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
  /usr/bin/time -a -o bench/out/latency.txt -f "script %e %U %S" \
    "$python" bench/bridge/small_plot.py "$csv" bench/out/script.png
  /usr/bin/time -a -o bench/out/latency.txt -f "charton %e %U %S" \
    ./charton plot "$csv" --x x --y y -o bench/out/charton.png
done
"$python" - bench/out/latency.txt <<'PY'
import statistics, sys
wall, cpu = {}, {}
for line in open(sys.argv[1]):
    who, seconds, user, system = line.split()
    wall.setdefault(who, []).append(float(seconds) * 1000)
    cpu.setdefault(who, []).append((float(user) + float(system)) * 1000)
for who in ("script", "charton"):
    print("%-8s wall median %5.0f ms, best %5.0f ms; CPU median %5.0f ms  (wall: %s)" % (
        who, statistics.median(wall[who]), min(wall[who]), statistics.median(cpu[who]),
        " ".join("%.0f" % w for w in wall[who])))
ratio = lambda values, pick: pick(values["charton"]) / pick(values["script"])
print("charton / script: wall median %.2f, wall best %.2f, CPU median %.2f" % (
    ratio(wall, statistics.median), ratio(wall, min), ratio(cpu, statistics.median)))
PY
