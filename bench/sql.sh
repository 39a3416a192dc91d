#!/usr/bin/env bash
# SQL tables plotted three ways (docs/benchmarks.md, "SQL: push-down against every row"): charton with
# --reduce auto (the line's M4, the histogram's bins and the bar's group means run in the engine),
# charton with --reduce none (every row of the chart's columns to Python), and a pandas
# read_sql script (bench/sql_pandas.py) that fetches the rows and plots them with matplotlib.
# Engines: DuckDB (a database file, through jdbc:duckdb:) and PostgreSQL (a private server on a free
# port, started and stopped here). Reports wall time, peak memory (max RSS of the process tree as
# GNU time sees it: the JVM and its Python worker are children) and, for charton, the rows that left
# the engine (CHARTON_TIMINGS rows_fetched / rows_read).
# Needs: postgresql-15, time (apt-get install postgresql-15 time), pip from the local mirror.
# Usage: bench/sql.sh [ROWS [ENGINES [CHARTS [HOWS]]]]
#   (default 100000000 "duckdb postgresql" "line hist bar" "auto none pandas")
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000000}"
engines="${2:-duckdb postgresql}"
chart_kinds="${3:-line hist bar}"
hows="${4:-auto none pandas}"
port=0
out=bench/out/sql
mkdir -p "$out"
work="$(mktemp -d)"
trap 'runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

./charton --version >/dev/null # builds the jar when the sources changed
venv="$out/venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --retries 0 duckdb psycopg2-binary pandas matplotlib pyarrow
fi

if [[ " $engines " == *" duckdb "* ]]; then
  echo "sql: $rows rows into DuckDB" >&2
"$venv/bin/python" - "$work/big.duckdb" "$rows" <<'PY'
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute(f"""CREATE TABLE big AS SELECT TIMESTAMP '2020-01-01' + i * INTERVAL 1 SECOND AS t,
    sin(i / 50000.0) * 10 + (hash(i) % 1000) / 100.0 AS value, 'c' || (i % 10)::VARCHAR AS cat
    FROM range({sys.argv[2]}) r(i)""")
PY

fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [[ " $engines " == *" postgresql "* ]]; then
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$work/pg" && echo bench > "$work/pw" && chown -R postgres "$work"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U bench --pwfile="$work/pw" --auth=scram-sha-256 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB" start >/dev/null
export PGPASSWORD=bench CHARTON_DB_PASSWORD=bench
echo "sql: $rows rows into PostgreSQL" >&2
psql -q -h 127.0.0.1 -p "$port" -U bench -d postgres -c "CREATE UNLOGGED TABLE big AS SELECT
    TIMESTAMP '2020-01-01' + i * INTERVAL '1 second' AS t,
    sin(i / 50000.0) * 10 + ((i::bigint * 7919) % 1000) / 100.0 AS value, 'c' || (i % 10) AS cat
    FROM generate_series(0, $rows - 1) AS s(i); ANALYZE big;"

fi
duck="jdbc:duckdb:$work/big.duckdb"
pg="jdbc:postgresql://127.0.0.1:$port/postgres?user=bench"
declare -A charts=(
  [line]="--sql 'SELECT t, value FROM big' --x t --y value"
  [hist]="--sql 'SELECT value FROM big' --kind hist --y value"
  [bar]="--sql 'SELECT cat, value FROM big' --kind bar --x cat --y value --agg mean")
report="$out/sql-$rows.md"
echo "| engine | chart | how | wall s | peak RSS MB | rows fetched |" > "$report"
echo "|---|---|---|---:|---:|---:|" >> "$report"
measure() { # engine chart how command...
  local engine="$1" chart="$2" how="$3"; shift 3
  local log="$work/run.log"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" 2> "$log" >/dev/null || { cat "$log" >&2; return 1; }
  read -r wall rss < "$work/time"
  local fetched
  fetched="$(grep -o '"rows_fetched":[0-9]*\|"rows_read":[0-9]*' "$log" | head -1 | cut -d: -f2 || true)"
  [ -f "$work/rows" ] && fetched="$(cat "$work/rows")" && rm -f "$work/rows"
  echo "| $engine | $chart | $how | $wall | $((rss / 1024)) | ${fetched:-?} |" | tee -a "$report" >&2
}
for engine in $engines; do
  url="$duck"; [ "$engine" = postgresql ] && url="$pg"
  for chart in $chart_kinds; do
    for reduce in auto none; do
      [[ " $hows " == *" $reduce "* ]] || continue
      eval "args=(${charts[$chart]})"
      measure "$engine" "$chart" "charton --reduce $reduce" env CHARTON_TIMINGS=1 ./charton plot --db "$url" \
        "${args[@]}" --reduce "$reduce" --timeout 0 -o "$work/$engine-$chart-$reduce.png"
    done
    [[ " $hows " == *" pandas "* ]] || continue
    eval "args=(${charts[$chart]})"
    measure "$engine" "$chart" "pandas read_sql" "$venv/bin/python" bench/sql_pandas.py "$engine" \
      "$work/big.duckdb" "$port" "$chart" "${args[1]}" "$work/$engine-$chart-pandas.png" "$work/rows"
  done
done
echo "sql: results in $report (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
