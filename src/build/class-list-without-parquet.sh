#!/usr/bin/env bash
# The start-up class list without Parquet's classes (parquet-java with its shaded Jackson and Thrift,
# Hadoop's, charton's Parquet reader): the list of the smaller archive the launcher maps when no
# input is a Parquet file.
#   src/build/class-list-without-parquet.sh FULL_LIST OUT
set -euo pipefail
grep -v -E 'org/apache/parquet/|shaded/parquet/|org/apache/hadoop/|dev/charton/input/parquet/' "$1" >"$2.partial"
mv -f "$2.partial" "$2"
