#!/usr/bin/env bash
# End-to-end time of a long line chart through charton, per renderer and format.
#
#   bench/large_line.sh [ROWS]      (default 1000000)
#
# Prints a Markdown table of wall-clock seconds (best of 3) and output sizes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
charton="$here/../charton"
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/make_long_series.py" "$rows" >"$work/long.csv"
"$charton" plot "$work/long.csv" --x time --y value -o "$work/warmup.png"  # builds the jar if needed

echo "| renderer | output | seconds (best of 3) | bytes |"
echo "|---|---|---:|---:|"
for case in matplotlib:png matplotlib:svg seaborn:png altair:json plotly:html; do
  renderer="${case%%:*}" format="${case##*:}"
  best=""
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$charton" plot "$work/long.csv" --renderer "$renderer" --kind line --x time --y value -o "$work/out.$format"
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc)" = 1 ]; then best=$seconds; fi
  done
  printf "| %s | %s | %.1f | %s |\n" "$renderer" "$format" "$best" "$(stat -c %s "$work/out.$format")"
done
