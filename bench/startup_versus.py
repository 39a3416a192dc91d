#!/usr/bin/env python3
"""Start-up of two charton builds, in turns: each run starts build A then build B with the same
command, so both see the same load. Prints, per command, the median wall and CPU (user + sys)
times and their ratio B/A, with the load average before and after.

Usage: bench/startup_versus.py DIR_A DIR_B [RUNS]   (each DIR a built charton tree; default 20 runs)
"""
import os
import resource
import statistics
import subprocess
import sys
import time

COMMANDS = [
    ["--version"],
    ["plot", "--help"],
    ["schema", "examples/weather.csv"],
    ["schema", "--sql", "SELECT 1 AS x"],
]


def run(tree, args):
    env = dict(os.environ, CHARTON_NO_BUILD="1", CHARTON_NO_SETUP="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([os.path.join(tree, "charton"), *args], cwd=tree, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    a, b = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    print(f"A = {a}\nB = {b}\nruns = {runs}, load average before: {os.getloadavg()}")
    print("| command | A wall ms | B wall ms | B/A wall | A CPU ms | B CPU ms | B/A CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for args in COMMANDS:
        for tree in (a, b):  # warm-up: page cache and the archive
            run(tree, args)
        times = {a: [], b: []}
        for _ in range(runs):
            for tree in (a, b):
                times[tree].append(run(tree, args))
        wall = {t: statistics.median(w for w, _ in times[t]) * 1000 for t in times}
        cpu = {t: statistics.median(c for _, c in times[t]) * 1000 for t in times}
        print(f"| `charton {' '.join(args)}` | {wall[a]:.0f} | {wall[b]:.0f} | {wall[b] / wall[a]:.2f} "
              f"| {cpu[a]:.0f} | {cpu[b]:.0f} | {cpu[b] / cpu[a]:.2f} |", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
