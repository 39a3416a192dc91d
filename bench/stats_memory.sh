#!/usr/bin/env bash
# Exact statistics (quantiles, histogram, box) over many values in a 256 MB heap: the values spill
# to a private temporary file and are read again per pass. Prints each step's seconds, then the
# process's wall time and peak RSS.
#
#   bench/stats_memory.sh [VALUES]      (default 100000000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
values="${1:-100000000}"
(cd "$root" && mvn -B -q -o test-compile)
/usr/bin/time -f "wall %e s, peak RSS %M KB" \
  java -Xmx256m -cp "$root/target/classes:$root/target/test-classes" \
  dev.charton.bench.StatsMemoryBenchmark "$values"
