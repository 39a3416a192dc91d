#!/bin/sh
# Puts the JavaScript that altair's HTML carries inline (Vega, Vega-Lite, vega-embed: their UMD
# builds) into the Python side's resources, from the npm registry's packages of the given versions.
# Usage: vega-scripts.sh OUTPUT_DIR vega@X vega-lite@Y vega-embed@Z   (run by Maven, see pom.xml)
# The packages come through npm's own cache, so a rebuild without network works once they were fetched.
set -eu
out=$1
shift
stamp="$out/versions.txt"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$*" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "vega-scripts: npm is needed to fetch $* for altair's offline HTML (Debian: apt-get install npm)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent --prefer-offline "$@" >/dev/null)
mkdir -p "$out"
for package in "$@"; do
  name=${package%@*}
  mkdir -p "$work/$name"
  tar -xzf "$work/$name"-[0-9]*.tgz -C "$work/$name" "package/build/$name.min.js" package/LICENSE
  cp "$work/$name/package/build/$name.min.js" "$out/$name.min.js"
  cp "$work/$name/package/LICENSE" "$out/$name.LICENSE"
done
printf '%s\n' "$*" > "$stamp"
