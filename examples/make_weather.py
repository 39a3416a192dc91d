"""Generates examples/weather.csv: a year of made-up daily weather for a fictional town.

Deterministic (fixed seed, standard library only), so the file in the repo can be rebuilt exactly:
    python3 examples/make_weather.py > examples/weather.csv
"""
import csv
import datetime
import math
import random
import sys

rng = random.Random(20260101)
writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["date", "temp_max", "temp_min", "precipitation", "wind", "weather"])
start = datetime.date(2025, 1, 1)
for day in range(365):
    date = start + datetime.timedelta(days=day)
    season = -math.cos(2 * math.pi * (day + 10) / 365)
    temp_max = 14 + 10 * season + rng.gauss(0, 2.5)
    temp_min = temp_max - 6 - abs(rng.gauss(0, 2))
    wet = rng.random() < 0.35 - 0.15 * season
    precipitation = round(rng.expovariate(1 / 6), 1) if wet else 0.0
    wind = round(abs(rng.gauss(3.5, 1.5)), 1)
    weather = "rain" if precipitation > 1 else ("drizzle" if wet else rng.choice(["sun", "sun", "fog"]))
    if temp_max < 2 and wet:
        weather = "snow"
    writer.writerow([date.isoformat(), round(temp_max, 1), round(temp_min, 1), precipitation, wind, weather])
