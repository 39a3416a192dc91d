#!/bin/sh
# Writes the launcher's jar: a manifest and nothing else, which names the main class, the module
# opening Arrow needs and, on its Class-Path, the shaded jar beside it. `java -jar` reads the
# manifest of the jar it is given before main starts; the shaded jar's central directory has some
# 26,000 entries, so reading it there costs every command about 14 ms (docs/benchmarks.md).
# Usage: launch-jar.sh JAR_TOOL OUTPUT MAIN_CLASS ADD_OPENS CLASS_PATH   (run by Maven, see pom.xml)
set -eu
jar_tool=$1 output=$2 main_class=$3 add_opens=$4 class_path=$5
manifest=$(mktemp)
trap 'rm -f "$manifest"' EXIT
printf 'Add-Opens: %s\nClass-Path: %s\n' "$add_opens" "$class_path" > "$manifest"
rm -f "$output"
"$jar_tool" --create --file "$output" --main-class "$main_class" --manifest "$manifest"
