"""Runs the CSV ingest benchmark and prints a Markdown table (see csv_ingest.sh)."""
import os
import re
import statistics
import subprocess
import sys
import tempfile

LINE = re.compile(r": (\d+) bytes, (\d+) rows, ([\d.]+) s, ([\d.]+) MB/s")


def measure(command):
    """One run: the program's own line, and wall time, CPU time and peak RSS from /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        load = os.getloadavg()[0]
        result = subprocess.run(["/usr/bin/time", "-o", timing.name, "-f", "%e %U %S %M"] + command,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
        wall, user, system, rss_kb = timing.read().split()
    match = LINE.search(result.stdout)
    return {"inner_s": float(match.group(3)), "mb_s": float(match.group(4)), "rows": int(match.group(2)),
            "wall_s": float(wall), "cpu_s": float(user) + float(system), "rss_mb": int(rss_kb) / 1024,
            "load": load}


def main():
    csv, runs, java_command, python = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4]
    here = os.path.dirname(os.path.abspath(__file__))
    contenders = {
        "charton (CsvIngest)": java_command + [csv],
        "pandas.read_csv": [python, os.path.join(here, "pandas_read_csv.py"), csv],
    }
    results = {name: [] for name in contenders}
    for run in range(runs):
        for name, command in contenders.items():  # alternate, so both see the same machine load
            r = measure(command)
            results[name].append(r)
            print(f"run {run + 1} {name}: {r}", file=sys.stderr)
    size_mb = os.path.getsize(csv) / 1e6
    print(f"File: {os.path.basename(csv)}, {size_mb:.0f} MB, {results['pandas.read_csv'][0]['rows']} rows; "
          f"{runs} runs each, alternating; medians.\n")
    print("| reader | MB/s (read only) | read s | process wall s | process CPU s | peak RSS MB | load avg at start |")
    print("|---|---|---|---|---|---|---|")
    for name, rs in results.items():
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        print(f"| {name} | {med['mb_s']:.1f} | {med['inner_s']:.1f} | {med['wall_s']:.1f} | {med['cpu_s']:.1f} "
              f"| {max(r['rss_mb'] for r in rs):.0f} (max) | {med['load']:.1f} |")


if __name__ == "__main__":
    main()
