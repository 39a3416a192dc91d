#!/usr/bin/env bash
# Whether two builds of charton convert CSV files alike: `charton convert FILE -o OUT` with each,
# then the same exit code, the same stderr and the same bytes out (an Arrow IPC stream). For changes
# to the CSV reader that must not change what it reads.
#
#   bench/csv_same_output.sh BEFORE_CHECKOUT AFTER_CHECKOUT [FILE ...]
# Each checkout is a directory with the launcher `charton` and a built target/charton.jar. The
# default files are every .csv/.tsv/.txt of the corpora (CHARTON_TEST_CORPORA, default
# ../shared/corpora) and bench/out/plan/series-*.csv. Prints one line per file that differs and a
# count; exits 1 if any differs.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="$1"; after="$2"; shift 2
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  corpora="${CHARTON_TEST_CORPORA:-$home/../shared/corpora}"
  mapfile -t files < <(find "$corpora/csv" "$corpora/datasets" -type f \( -name '*.csv' -o -name '*.tsv' -o -name '*.txt' \) | sort)
  files+=("$home"/bench/out/plan/series-*.csv)
fi
export CHARTON_NO_BUILD=1 CHARTON_NO_SETUP=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
differ=0
for file in "${files[@]}"; do
  for side in before after; do
    dir="$before"; [ "$side" = after ] && dir="$after"
    set +e
    "$dir/charton" convert "$file" -o "$work/$side.arrow" 2> "$work/$side.err"
    echo "exit $?" >> "$work/$side.err"
    set -e
    [ -f "$work/$side.arrow" ] || : > "$work/$side.arrow"
  done
  if ! cmp -s "$work/before.err" "$work/after.err" || ! cmp -s "$work/before.arrow" "$work/after.arrow"; then
    echo "differs: $file"
    differ=$((differ + 1))
  fi
  rm -f "$work"/*.arrow
done
echo "${#files[@]} files, $differ differ"
[ "$differ" -eq 0 ]
