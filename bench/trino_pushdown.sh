#!/usr/bin/env bash
# Charts of a Trino query drawn with push-down (--reduce auto: bins, group aggregates, boxes and
# heatmap cells computed in Trino) and from every row (--reduce none), in turns, ROUNDS times each
# (docs/benchmarks.md, "Trino: every chart's plan pushed down"). The server is the tests' one
# (testing/trino-server: a coordinator and a worker on Java 25, TRINO_JAVA_HOME), the table four
# columns of TPC-H's lineitem at scale factor SF (sf1: 6,001,215 rows), copied once from Trino's
# tpch connector into its memory connector (stored, its rows spread over both nodes, as a
# warehouse's table is read: tpch would generate the rows anew for every query). Reports per run wall time, peak RSS of charton's process tree (GNU time; the server is not
# in it) and the rows that left the engine, then per chart the medians and their ratio.
# Needs: /usr/bin/time, curl, a JDK 25 (TRINO_JAVA_HOME, default Temurin's), Maven (the server's class path).
# Usage: bench/trino_pushdown.sh [SF [ROUNDS [CHARTS]]]   (default sf1 3 "hist bar box heatmap")
set -euo pipefail
cd "$(dirname "$0")/.."
sf="${1:-sf1}"
rounds="${2:-3}"
chart_kinds="${3:-hist bar box heatmap}"
java25="${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
version="$(sed -n 's:.*<trino.version>\(.*\)</trino.version>.*:\1:p' pom.xml | head -1)"
out=bench/out/trino
mkdir -p "$out"
work="$(mktemp -d)"
server=""
trap 'exec 3>&- 2>/dev/null || true; [ -n "$server" ] && wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

./charton --version >/dev/null # builds the jar when the sources changed
classpath="target/trino-server/classpath-$version.txt"
if [ ! -f "$classpath" ] || [ testing/trino-server/pom.xml -nt "$classpath" ]; then
  mkdir -p target/trino-server
  mvn -B -q -f testing/trino-server/pom.xml -Dtrino.version="$version" dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$classpath"
fi
# The server ends when its standard input closes: this script holds the pipe's writing end (fd 3).
mkfifo "$work/lifeline"
CLASSPATH="$(cat "$classpath")" "$java25" -Xmx2g -XX:+UseG1GC --add-modules jdk.incubator.vector \
  --enable-native-access=ALL-UNNAMED testing/trino-server/TrinoTestServer.java 1 "$work/port" \
  < "$work/lifeline" > "$work/server.log" 2>&1 &
server=$!
exec 3> "$work/lifeline"
for _ in $(seq 600); do [ -f "$work/port" ] && break; sleep 0.5; done
[ -f "$work/port" ] || { tail -20 "$work/server.log" >&2; exit 1; }
port="$(cat "$work/port")"
url="jdbc:trino://127.0.0.1:$port/memory/default?user=bench"
echo "trino: server up at $url" >&2

statement() { # runs one SQL statement through Trino's HTTP API (its client protocol), to its end
  local next
  next="$(curl -sf -X POST -H 'X-Trino-User: bench' --data "$1" "http://127.0.0.1:$port/v1/statement" | follow)"
  while [ -n "$next" ]; do
    next="$(curl -sf -H 'X-Trino-User: bench' "$next" | follow)"
  done
}
follow() { # the next URI of a Trino response, or nothing when the statement is done; fails on its error
  python3 -c 'import json, sys
r = json.load(sys.stdin)
if "error" in r: sys.exit("trino: " + r["error"]["message"])
print(r.get("nextUri", ""))'
}
statement "CREATE TABLE memory.default.lineitem AS SELECT extendedprice, shipmode, discount, quantity FROM tpch.$sf.lineitem"
echo "trino: memory.default.lineitem from tpch.$sf" >&2

chart_args() { # the chart's query and options
  case "$1" in
    hist) echo "SELECT extendedprice FROM lineitem|--kind hist --y extendedprice" ;;
    bar) echo "SELECT shipmode, extendedprice FROM lineitem|--kind bar --x shipmode --y extendedprice --agg mean" ;;
    box) echo "SELECT shipmode, discount FROM lineitem|--kind box --x shipmode --y discount" ;;
    heatmap) echo "SELECT shipmode, quantity FROM lineitem|--kind heatmap --x shipmode --y quantity" ;;
  esac
}
report="$out/trino-$sf.md"
echo "| chart | how | round | wall s | peak RSS MB | rows fetched | load (1 min) |" > "$report"
echo "|---|---|---:|---:|---:|---:|---:|" >> "$report"
for round in $(seq "$rounds"); do
  for chart in $chart_kinds; do
    for how in auto none; do
      IFS='|' read -r sql options <<< "$(chart_args "$chart")"
      # shellcheck disable=SC2086 # the options are words
      CHARTON_TIMINGS=1 /usr/bin/time -f '%e %M' -o "$work/time" ./charton plot --db "$url" --sql "$sql" $options \
        --reduce "$how" -o "$work/$chart-$how.png" 2> "$work/run.log" || { cat "$work/run.log" >&2; exit 1; }
      read -r wall rss < "$work/time"
      fetched="$(grep -o '"rows_fetched":[0-9]*\|"rows_sent":[0-9]*' "$work/run.log" | head -1 | cut -d: -f2)"
      [ "$how" = none ] && fetched="$(grep -o '"rows_read":[0-9]*' "$work/run.log" | head -1 | cut -d: -f2)"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      echo "| $chart | $how | $round | $wall | $((rss / 1024)) | $fetched | $load |" | tee -a "$report" >&2
    done
  done
done
python3 - "$report" <<'PY'
import statistics, sys
rows = [line.strip("|\n").split("|") for line in open(sys.argv[1]).readlines()[2:]]
walls = {}
for chart, how, _, wall, rss, fetched, _ in ([c.strip() for c in row] for row in rows):
    walls.setdefault(chart, {}).setdefault(how, []).append((float(wall), int(rss), int(fetched)))
print("| chart | median wall s, push-down | median wall s, every row | every row / push-down | peak RSS MB (median), push-down / every row | rows fetched, push-down / every row |")
print("|---|---:|---:|---:|---|---|")
for chart, hows in walls.items():
    auto, none = (statistics.median(w for w, _, _ in hows[h]) for h in ("auto", "none"))
    rss = "/".join(str(int(statistics.median(r for _, r, _ in hows[h]))) for h in ("auto", "none"))
    fetched = "/".join(f"{hows[h][0][2]:,}" for h in ("auto", "none"))
    print(f"| {chart} | {auto:.1f} | {none:.1f} | {none / auto:.2f} | {rss} | {fetched} |")
PY
