"""Writes a 1,000-row CSV (x: 0..999, y: a random walk) to PATH."""
import random
import sys

random.seed(7)
with open(sys.argv[1], "w") as out:
    out.write("x,y\n")
    y = 0.0
    for x in range(1000):
        y += random.uniform(-1, 1)
        out.write("%d,%.4f\n" % (x, y))
