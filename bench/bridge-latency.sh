#!/usr/bin/env bash
# Bridge benchmark 2: wall time of a small plot (1,000-row CSV to an 800x600 PNG) with charton,
# beside the equivalent hand-written Python script (bench/bridge/small_plot.py) on the same
# interpreter: charton cold (CHARTON_WORKER_IDLE=0: it starts its own Python, as without the worker
# service) and warm (the worker service running, in a runtime directory of the benchmark's own,
# stopped at the end). Runs alternate (script, cold, warm, script, ...) so all see the same machine
# load. Prints the median and best wall times, the median CPU time (user + system, children
# included: steadier than wall time on a busy machine; a warm run's Python works in the service, so
# its CPU time is Java's alone), and the ratios of medians.
# Usage: bench/bridge-latency.sh [RUNS=15]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
mkdir -p bench/out
[ -f target/charton.jar ] || mvn -q -B -Dstyle.color=never -DskipTests package
python="$(CHARTON_WORKER_IDLE=0 ./charton doctor --json | sed -n 's/^    "executable" : "\(.*\)",$/\1/p' | head -1)"
csv=bench/out/small.csv
"$python" bench/bridge/make_small_csv.py "$csv"
export CHARTON_NO_BUILD=1
runtime="$(mktemp -d)"
trap 'XDG_RUNTIME_DIR="$runtime" CHARTON_WORKER_IDLE=60 ./charton daemon stop >/dev/null; rm -rf "$runtime"' EXIT
cold() { CHARTON_WORKER_IDLE=0 ./charton plot "$csv" --x x --y y -o bench/out/cold.png; }
warm() { XDG_RUNTIME_DIR="$runtime" CHARTON_WORKER_IDLE=600 ./charton plot "$csv" --x x --y y -o bench/out/warm.png; }
# Warm everything (page cache, Python's bytecode caches; the first warm run starts the service).
"$python" bench/bridge/small_plot.py "$csv" bench/out/script.png
cold
warm
for _ in $(seq 100); do
  [ -n "$(XDG_RUNTIME_DIR="$runtime" CHARTON_WORKER_IDLE=60 ./charton daemon status --json | grep '"pid"')" ] && break
  sleep 0.2
done
warm
: > bench/out/latency.txt
for _ in $(seq "$runs"); do
  /usr/bin/time -a -o bench/out/latency.txt -f "script %e %U %S" \
    "$python" bench/bridge/small_plot.py "$csv" bench/out/script.png
  /usr/bin/time -a -o bench/out/latency.txt -f "cold %e %U %S" bash -c "$(declare -f cold); csv=$csv; cold"
  /usr/bin/time -a -o bench/out/latency.txt -f "warm %e %U %S" bash -c "$(declare -f warm); csv=$csv; runtime=$runtime; warm"
done
cmp -s bench/out/cold.png bench/out/warm.png || { echo "the warm and cold figures differ" >&2; exit 1; }
"$python" - bench/out/latency.txt <<'PY'
import statistics, sys
wall, cpu = {}, {}
for line in open(sys.argv[1]):
    who, seconds, user, system = line.split()
    wall.setdefault(who, []).append(float(seconds) * 1000)
    cpu.setdefault(who, []).append((float(user) + float(system)) * 1000)
for who in ("script", "cold", "warm"):
    print("%-8s wall median %5.0f ms, best %5.0f ms; CPU median %5.0f ms  (wall: %s)" % (
        who, statistics.median(wall[who]), min(wall[who]), statistics.median(cpu[who]),
        " ".join("%.0f" % w for w in wall[who])))
for who in ("cold", "warm"):
    ratio = lambda values, pick: pick(values[who]) / pick(values["script"])
    print("charton %s / script: wall median %.2f, wall best %.2f, CPU median %.2f" % (
        who, ratio(wall, statistics.median), ratio(wall, min), ratio(cpu, statistics.median)))
PY
