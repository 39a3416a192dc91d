"""Writes examples/weather.parquet, the same table as examples/weather.csv, with pyarrow's defaults.

    python examples/make_weather_parquet.py

The launcher's start-up archive is trained on it (pom.xml, startup-class-list), so the classes that
open and decode a Parquet file load from the archive.
"""
import pathlib

import pyarrow.csv as csv
import pyarrow.parquet as parquet

here = pathlib.Path(__file__).parent
parquet.write_table(csv.read_csv(here / "weather.csv"), here / "weather.parquet")
