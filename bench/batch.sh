#!/usr/bin/env bash
# One report of 50 charts from one 100,000-row CSV, made three ways in one run:
#   1. charton batch (the dataset read once, charts on warm Python workers, --jobs N)
#   2. 50 separate `charton plot` runs, one after another (and, for reference, 2 at a time)
#   3. 50 hand-written pandas + matplotlib scripts, each its own python process
# Inputs and figures go to bench/out/batch/; a Markdown table of wall-clock seconds goes to stdout.
#
#   bench/batch.sh [JOBS]      (default: charton's default, the number of cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
charton="$here/../charton"
jobs="${1:-}"
python="${CHARTON_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
work="$here/out/batch"
rm -rf "$work"
mkdir -p "$work"
"$python" "$here/batch_make.py" "$work"
cd "$work"
mkdir -p out/batch out/plot out/plot2 out/python
"$charton" --version >/dev/null # builds the jar first when the sources changed

seconds_of() {
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
plots_in_turn() {
  while read -r -a args; do "$charton" plot data.csv "${args[@]}"; done <plots.txt
}
plots_two_at_a_time() {
  sed 's|out/plot/|out/plot2/|' plots.txt | xargs -P 2 -L 1 "$charton" plot data.csv
}
scripts_in_turn() {
  for script in scripts/*.py; do "$python" "$script"; done
}

batch=$(seconds_of "$charton" batch report.yaml ${jobs:+--jobs "$jobs"} 2>batch.log)
plots=$(seconds_of plots_in_turn)
plots2=$(seconds_of plots_two_at_a_time)
scripts=$(seconds_of scripts_in_turn 2>scripts.log)

for dir in batch plot plot2 python; do
  count=$(find "out/$dir" -name '*.png' | wc -l)
  [ "$count" = 50 ] || { echo "batch bench: out/$dir has $count figures, not 50" >&2; exit 1; }
done
row() { printf "| %s | %.1f | %.2f | %.1fx |\n" "$1" "$2" "$(echo "$2 / 50" | bc -l)" "$(echo "$2 / $batch" | bc -l)"; }
echo "| 50 charts, 100,000 rows | seconds | per chart | vs batch |"
echo "|---|---:|---:|---:|"
row "charton batch${jobs:+ --jobs $jobs}" "$batch"
row "50 charton plot runs, one after another" "$plots"
row "50 charton plot runs, 2 at a time (xargs -P 2)" "$plots2"
row "50 pandas + matplotlib scripts, one after another" "$scripts"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
