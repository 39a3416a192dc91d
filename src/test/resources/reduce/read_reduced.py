"""Reads a reduced table as the worker will (pyarrow, then pandas) and prints each column's pandas
dtype, and for a categorical one its categories: what ReductionsIT checks reaches Python intact.

usage: read_reduced.py TABLE.arrow
"""
import json
import sys

import pandas as pd
import pyarrow as pa

from chartonpy import arrow_pandas

with pa.OSFile(sys.argv[1]) as source:
    frame = arrow_pandas.to_pandas(pa.ipc.open_file(source).read_all())
json.dump({name: [str(frame[name].dtype)]
           + (list(frame[name].cat.categories) if isinstance(frame[name].dtype, pd.CategoricalDtype) else [])
           for name in frame.columns}, sys.stdout, separators=(",", ":"))
