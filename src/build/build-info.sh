#!/bin/sh
# Writes the version.properties that `charton --version` reads: the release and the git commit of
# the checkout being built, "unknown" outside a git checkout (a source archive, no git installed).
# Usage: build-info.sh VERSION SOURCE_DIR OUTPUT_FILE   (run by Maven, see pom.xml)
set -eu
version=$1 source_dir=$(cd "$2" && pwd -P) output=$3
commit=unknown
# Only the checkout whose top is the source directory counts, not a repository that merely encloses it.
top=$(git -C "$source_dir" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$source_dir" ]; then
  commit=$(git -C "$source_dir" rev-parse --short=10 HEAD 2>/dev/null || echo unknown)
fi
mkdir -p "$(dirname "$output")"
printf 'version=%s\ncommit=%s\n' "$version" "$commit" > "$output"
