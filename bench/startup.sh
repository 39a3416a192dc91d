#!/usr/bin/env bash
# Start-up time of the charton launcher with and without its AppCDS archive (target/charton.jsa),
# and the cost of the quick JIT alone (TieredStopAtLevel=1) on a long CSV ingest.
# Needs hyperfine (apt-get install hyperfine). Results go to bench/out/startup-*.md and stdout.
# Usage: bench/startup.sh [RUNS]   (default 30 runs per start-up case, 5 per ingest case)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
out=bench/out
mkdir -p "$out"

./charton --version >/dev/null # builds the jar and its archive when the sources changed
export CHARTON_NO_BUILD=1 CHARTON_NO_SETUP=1
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
# A later -XX:SharedArchiveFile wins: the JDK's own archive is what runs without charton's.
without_archive="CHARTON_JAVA_OPTS=-XX:SharedArchiveFile=$java_home/lib/server/classes.jsa"

commands=("--version" "plot --help")
parquet="${CHARTON_TEST_CORPORA:-../shared/corpora}/parquet/data/alltypes_plain.parquet"
if ./charton help schema >/dev/null 2>&1; then
  commands+=("schema $parquet")
else
  echo "startup: no 'schema' command in this build; timing --version and plot --help only" >&2
fi

for command in "${commands[@]}"; do
  name="$(echo "$command" | tr -c 'a-z0-9\n' '-' | tr -s '-' | sed 's/^-//; s/-$//')"
  hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$out/startup-$name.md" \
    -n "with archive: charton $command" "./charton $command" \
    -n "without archive: charton $command" "env $without_archive ./charton $command"
done

# A long ingest: a million CSV rows read into Arrow and streamed nowhere (the hidden training command).
big="$out/ingest-1m.csv"
if [ ! -f "$big" ]; then
  awk 'BEGIN { srand(1); print "day,station,temp_max,temp_min,precipitation,count";
    for (i = 0; i < 1000000; i++)
      printf "2024-%02d-%02d,st%d,%.2f,%.2f,%.1f,%d\n", i % 12 + 1, i % 28 + 1, i % 50,
        rand() * 45 - 10, rand() * 40 - 20, rand() * 10, int(rand() * 1000) }' > "$big"
fi
hyperfine -N --warmup 1 --runs 5 --export-markdown "$out/startup-ingest.md" \
  -n "C1 only (TieredStopAtLevel=1)" "env CHARTON_JAVA_OPTS=-XX:TieredStopAtLevel=1 ./charton startup-training $big" \
  -n "C1 and C2 (TieredStopAtLevel=4)" "env CHARTON_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./charton startup-training $big"
