#!/usr/bin/env python3
"""How often charton's CSV detection agrees with DuckDB's read_csv auto-detection.

Usage: python bench/csv_agreement.py DIR [DIR ...] [--charton PATH] [--show-disagreements]

Every *.csv, *.tsv and *.txt file under the directories is read by both: DuckDB
(`read_csv(path)`, everything auto-detected) and `charton schema FILE --json`. A file agrees
when both read it with the same number of rows, the same column names (the names each makes up
for unnamed columns, DuckDB's column0 or column0_1 and charton's column_1, count as the same) and, column by column,
the same type family: integer, float, boolean, date, time, timestamp or text. A column without
any value (every cell empty or a null token) matches any family: DuckDB calls it VARCHAR,
charton float64, and neither has evidence. Files only one of them reads are counted apart.

Needs the `duckdb` Python package (a scratch venv: `pip install --retries 0 duckdb`).
"""
import argparse
import json
import os
import subprocess
import sys

import duckdb

SUFFIXES = (".csv", ".tsv", ".txt")


def family(type_name):
    t = type_name.lower()
    if t.startswith("dictionary") or t in ("varchar", "utf8", "string", "large_utf8"):
        return "text"
    if t.startswith("timestamp"):
        return "timestamp"
    if t.startswith("date"):
        return "date"
    if t.startswith("time"):
        return "time"
    if t in ("boolean", "bool"):
        return "boolean"
    if t.startswith("decimal"):
        return "integer" if t.replace(" ", "").endswith(",0)") else "float"
    if t in ("double", "float", "float64", "float32", "real"):
        return "float"
    if "int" in t:
        return "integer"
    return t


def duckdb_table(path):
    con = duckdb.connect()
    try:
        cols = con.execute("DESCRIBE SELECT * FROM read_csv(?)", [path]).fetchall()
        rows = con.execute("SELECT count(*) FROM read_csv(?)", [path]).fetchone()[0]
        names = [c[0] for c in cols]
        empty = set()
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            n = con.execute(f"SELECT count({quoted}) FROM read_csv(?)", [path]).fetchone()[0]
            if n == 0:
                empty.add(name)
        return {"rows": rows, "columns": [(c[0], family(c[1])) for c in cols], "empty": empty}
    finally:
        con.close()


def charton_table(charton, path):
    env = dict(os.environ, CHARTON_NO_BUILD="1")
    done = subprocess.run([charton, "schema", path, "--json"], capture_output=True, text=True, env=env,
                          timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "exit %d" % done.returncode)
    schema = json.loads(done.stdout)
    columns = [(c["name"], family(c["type"])) for c in schema["columns"]]
    empty = {c["name"] for c in schema["columns"] if c.get("inferred_because", "").startswith("no values")}
    return {"rows": schema["rows"], "columns": columns, "empty": empty}


def generated(name, position):
    """Both spell the names they make up for unnamed columns their own way: DuckDB column0 (column0_1
    when the file has a column of that name already), charton column_1."""
    duckdb_made = ("column%d" % position, "column%02d" % position)
    return name in duckdb_made + ("column_%d" % (position + 1),) or name.rsplit("_", 1)[0] in duckdb_made


def same_names(duck_names, charton_names):
    if len(duck_names) != len(charton_names):
        return False
    return all(d == c or (generated(d, i) and generated(c, i)) for i, (d, c) in enumerate(zip(duck_names, charton_names)))


def differences(duck, chart):
    if duck["rows"] != chart["rows"]:
        return "rows %d vs %d" % (duck["rows"], chart["rows"])
    if not same_names([c[0] for c in duck["columns"]], [c[0] for c in chart["columns"]]):
        return "columns %s vs %s" % ([c[0] for c in duck["columns"]][:6], [c[0] for c in chart["columns"]][:6])
    for (name, d), (_, c) in zip(duck["columns"], chart["columns"]):
        if d != c and name not in duck["empty"] and name not in chart["empty"]:
            return "column %s: duckdb %s, charton %s" % (name, d, c)
    return None


def files_under(directories):
    for directory in directories:
        for root, _, names in os.walk(directory):
            for name in sorted(names):
                if name.lower().endswith(SUFFIXES):
                    yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directories", nargs="+")
    parser.add_argument("--charton", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "charton"))
    parser.add_argument("--show-disagreements", action="store_true")
    args = parser.parse_args()
    counts = {"both": 0, "agree": 0, "duckdb_only": 0, "charton_only": 0, "neither": 0}
    for path in files_under(args.directories):
        try:
            duck = duckdb_table(path)
        except Exception as e:  # DuckDB refusing a file is data here, not a failure of the script
            duck, duck_error = None, str(e).splitlines()[0]
        try:
            chart = charton_table(args.charton, path)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
            chart, chart_error = None, str(e)
        if duck and chart:
            counts["both"] += 1
            why = differences(duck, chart)
            if why is None:
                counts["agree"] += 1
            elif args.show_disagreements:
                print("DIFF %s: %s" % (path, why))
        elif duck:
            counts["duckdb_only"] += 1
            if args.show_disagreements:
                print("CHARTON-REFUSES %s: %s" % (path, chart_error))
        elif chart:
            counts["charton_only"] += 1
            if args.show_disagreements:
                print("DUCKDB-REFUSES %s: %s" % (path, duck_error))
        else:
            counts["neither"] += 1
    total = sum(counts.values()) - counts["agree"]
    share = 100.0 * counts["agree"] / counts["both"] if counts["both"] else 0.0
    print("files: %d; both read: %d; agree: %d (%.1f%%); only DuckDB reads: %d; only charton reads: %d;"
          " neither: %d" % (total, counts["both"], counts["agree"], share, counts["duckdb_only"],
                           counts["charton_only"], counts["neither"]))


if __name__ == "__main__":
    sys.exit(main())
