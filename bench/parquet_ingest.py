"""Runs the Parquet ingest benchmark (see parquet_ingest.sh) and prints Markdown tables.

Every contender runs once per round, the rounds one after another, so a moment of load on the shared
machine falls on all of them alike; the tables give medians of wall time and peak RSS, and each
contender's median as a ratio of charton's.

    python bench/parquet_ingest.py CHARTON PYTHON RUNS SMALL_CSV SMALL_PARQUET BIG.parquet...
"""
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(command):
    """Wall seconds and peak RSS (MiB) of one run, from GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        result = subprocess.run(["/usr/bin/time", "-o", timing.name, "-f", "%e %M"] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
        wall, rss_kb = timing.read().split()[-2:]
    return float(wall), int(rss_kb) / 1024


def run_in_turns(contenders, runs):
    """{name: (median wall s, median peak RSS MiB)}, each contender once per round; output to /dev/null."""
    walls = {name: [] for name in contenders}
    rss = {name: [] for name in contenders}
    for _ in range(runs):
        for name, command in contenders.items():
            wall, peak = measure(command)
            walls[name].append(wall)
            rss[name].append(peak)
    return {name: (statistics.median(walls[name]), statistics.median(rss[name])) for name in contenders}


def table(title, results, reference):
    base = results[reference][0]
    print(f"\n{title}\n")
    print("| contender | median wall s | ratio to charton | median peak RSS MiB |")
    print("|---|---:|---:|---:|")
    for name, (wall, peak) in results.items():
        print(f"| {name} | {wall:.2f} | {wall / base:.2f} | {peak:.0f} |")


def main():
    charton, python, runs, small_csv, small_parquet = sys.argv[1:6]
    runs = int(runs)
    pyarrow_script = os.path.join(HERE, "parquet_to_arrow_pyarrow.py")
    polars_script = os.path.join(HERE, "parquet_to_arrow_polars.py")

    opening = run_in_turns({
        "charton schema (small Parquet)": [charton, "schema", small_parquet],
        "charton schema (same table as CSV)": [charton, "schema", small_csv],
        "pyarrow read_schema (small Parquet)": [python, pyarrow_script, small_parquet, "schema"],
        "polars read_parquet_schema (small Parquet)": [python, polars_script, small_parquet, "schema"],
    }, runs)
    table(f"Opening a small file ({os.path.basename(small_parquet)}), {runs} rounds", opening,
          "charton schema (small Parquet)")

    for big in sys.argv[6:]:
        converted = run_in_turns({
            "charton convert -o -": [charton, "convert", big, "-o", "-"],
            "pyarrow read_table + IPC stream": [python, pyarrow_script, big, "-"],
            "polars read_parquet + write_ipc_stream": [python, polars_script, big, "-"],
        }, runs)
        table(f"Parquet to an Arrow IPC stream on standard output (/dev/null): {os.path.basename(big)}"
              f" ({os.path.getsize(big) / 1048576:.0f} MiB), {runs} rounds", converted, "charton convert -o -")


if __name__ == "__main__":
    main()
