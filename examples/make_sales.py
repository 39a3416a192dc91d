"""Generates examples/sales.csv: a year of made-up monthly sales of a fictional shop chain.

Categorical columns (region, product, month as YYYY-MM text) beside numbers, for bar charts,
heatmaps and facets. Deterministic (fixed seed, standard library only):
    python3 examples/make_sales.py > examples/sales.csv
"""
import csv
import math
import random
import sys

REGIONS = {"North": 0.8, "South": 1.2, "East": 1.0, "West": 0.9}
PRODUCTS = {"tea": (120, 4.5, 0.0), "coffee": (200, 3.2, 0.5), "cocoa": (60, 3.9, 0.0)}

rng = random.Random(20260102)
writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["month", "region", "product", "units", "revenue"])
for month in range(1, 13):
    winter = math.cos(2 * math.pi * (month - 1) / 12)  # 1 in January, -1 in July
    for region, size in REGIONS.items():
        for product, (base, price, summer_boost) in PRODUCTS.items():
            season = 1 + (0.35 if product == "cocoa" else 0.15) * winter - summer_boost * 0.2 * winter
            units = max(0, round(base * size * season * rng.uniform(0.85, 1.15)))
            writer.writerow(["2025-%02d" % month, region, product, units, round(units * price, 2)])
