#!/usr/bin/env bash
# A line of N rows (default 50,000) along times of day, against the same rows along timestamps (the
# same instants on one day): the time-of-day axis should cost what a timestamp axis costs. The two
# charts run in turns, REPEATS times each (default 7); prints the medians, their ratio and the load.
# Inputs and figures go to bench/out/time_of_day/.
#
#   bench/time_of_day.sh [ROWS] [REPEATS]
set -euo pipefail
rows="${1:-50000}" repeats="${2:-7}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
charton="$here/../charton"
python="${CHARTON_PYTHON:-$HOME/.local/share/charton/venv/bin/python}"
rm -rf "$here/out/time_of_day" && mkdir -p "$here/out/time_of_day" && cd "$here/out/time_of_day"
"$python" - "$rows" <<'PY'
import sys
rows = int(sys.argv[1])
with open("clock.csv", "w") as clock, open("stamp.csv", "w") as stamp:
    clock.write("t,v\n")
    stamp.write("t,v\n")
    for i in range(rows):
        second = i * 7919 % 86_400
        text = "%02d:%02d:%02d" % (second // 3600, second // 60 % 60, second % 60)
        clock.write("%s,%d\n" % (text, i % 97))
        stamp.write("2025-03-01T%s,%d\n" % (text, i % 97))
PY
"$charton" --version >/dev/null # builds the jar first when the sources changed

seconds_of() {
  local start end
  start=$(date +%s.%N)
  "$charton" plot "$1" --x t --y v -o "$2" 2>/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
: >clock.times
: >stamp.times
for _ in $(seq "$repeats"); do
  seconds_of clock.csv clock.png >>clock.times
  seconds_of stamp.csv stamp.png >>stamp.times
done
clock=$(median <clock.times)
stamp=$(median <stamp.times)
echo "| line of $rows rows, median of $repeats, in turns | seconds |"
echo "|---|---:|"
printf "| x of times of day (time64[us]) | %.2f |\n" "$clock"
printf "| x of timestamps (timestamp[us]) | %.2f |\n" "$stamp"
printf "| ratio times of day / timestamps | %.2f |\n" "$(echo "$clock / $stamp" | bc -l)"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
