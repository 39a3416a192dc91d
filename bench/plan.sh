#!/usr/bin/env bash
# Large-data plots: charton against the pandas and the polars script a user would write
# (bench/plan/user_script.py), on the same interpreter (charton's managed one), in turns.
#
#   bench/plan.sh ROWS REPEATS CHART... [-- FORMATS]
#     e.g. bench/plan.sh 10000000 5 line scatter hist bar
#
# CHART is line (value over ts), scatter (value over ts, --color category), hist (value) or bar
# (mean of value per category) of the series table, or delays (a histogram of real flight delays:
# the flights table, vega-datasets' flights-200k repeated to ROWS rows, Parquet only). Formats
# default to "parquet csv". Tables are written once into bench/out/plan (bench/plan/make_table.py,
# bench/plan/make_flights.py). Prints one Markdown row per format and chart: the
# median wall time and peak RSS (the largest process: for charton, the JVM or the Python worker)
# of each tool, and charton's time over each script's.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="$1"; repeats="$2"; shift 2
charts=(); formats=(parquet csv)
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; formats=("$@"); break; fi
  charts+=("$1"); shift
done
python="${CHARTON_BENCH_PYTHON:-$(./charton doctor --json | python3 -c "import json,sys; print(json.load(sys.stdin)[\"chosen\"][\"executable\"])")}"
"$python" -c "import polars" 2>/dev/null || "$python" -m pip install --retries 0 -q polars
dir=bench/out/plan
table_of() {  # CHART -> the table it is drawn from
  case "$1" in delays) echo flights ;; *) echo series ;; esac
}
for chart in "${charts[@]}"; do
  table="$(table_of "$chart")"
  maker="bench/plan/make_$table.py"
  [ "$table" = series ] && maker=bench/plan/make_table.py
  [ -f "$dir/$table-$rows.parquet" ] || "$python" "$maker" "$rows" "$dir" >/dev/null
done

charton_args() {  # CHART -> charton plot options
  case "$1" in
    line) echo "--x ts --y value" ;;
    scatter) echo "--kind scatter --x ts --y value --color category" ;;
    hist) echo "--kind hist --y value" ;;
    bar) echo "--kind bar --x category --y value --agg mean" ;;
    delays) echo "--kind hist --y delay" ;;
  esac
}

measure() {  # prints "seconds kilobytes" of one run of the command
  /usr/bin/time -o "$dir/time" -f "%e %M" "$@" >/dev/null 2>"$dir/stderr" \
    || { echo "failed: $*" >&2; cat "$dir/stderr" >&2; exit 1; }
  tail -1 "$dir/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| rows | format | chart | charton s | pandas s | polars s | charton / pandas | charton / polars | charton MB | pandas MB | polars MB |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for format in "${formats[@]}"; do
  for chart in "${charts[@]}"; do
    file="$dir/$(table_of "$chart")-$rows.$format"
    [ -f "$file" ] || continue
    : >"$dir/times"
    for _ in $(seq "$repeats"); do
      # shellcheck disable=SC2046
      echo "charton $(measure ./charton plot "$file" $(charton_args "$chart") -o "$dir/charton.png")" >>"$dir/times"
      echo "pandas $(measure "$python" bench/plan/user_script.py pandas "$file" "$chart" "$dir/pandas.png")" >>"$dir/times"
      echo "polars $(measure "$python" bench/plan/user_script.py polars "$file" "$chart" "$dir/polars.png")" >>"$dir/times"
    done
    c=$(awk '$1=="charton"{print $2}' "$dir/times" | median); p=$(awk '$1=="pandas"{print $2}' "$dir/times" | median)
    l=$(awk '$1=="polars"{print $2}' "$dir/times" | median)
    cm=$(awk '$1=="charton"{print $3}' "$dir/times" | median); pm=$(awk '$1=="pandas"{print $3}' "$dir/times" | median)
    lm=$(awk '$1=="polars"{print $3}' "$dir/times" | median)
    printf "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |\n" "$rows" "$format" "$chart" \
      "$c" "$p" "$l" "$(echo "$c / $p" | bc -l)" "$(echo "$c / $l" | bc -l)" \
      "$(echo "$cm / 1024" | bc -l)" "$(echo "$pm / 1024" | bc -l)" "$(echo "$lm / 1024" | bc -l)"
  done
done
