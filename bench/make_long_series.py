"""Writes a long CSV time series for the line-chart benchmark: one reading per second, a random walk.

    python3 bench/make_long_series.py ROWS > long.csv
"""
import datetime
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(7)
start = datetime.datetime(2025, 1, 1)
value = 0.0
out = sys.stdout
out.write("time,value\n")
for i in range(rows):
    value += rng.gauss(0, 1)
    out.write("%s,%.3f\n" % ((start + datetime.timedelta(seconds=i)).isoformat(), value))
