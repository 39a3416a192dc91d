"""Prints, as JSON, the plan grammar.py makes from every row of an Arrow file: the reference the
Java reductions are compared with (ReductionsIT).

usage: grammar_plan.py TABLE.arrow SPEC_JSON
Each row is [x, series, facet, y]: a temporal x as the integer count of its column's unit, a number
as a float, a category as its label; null where the plan has none.
"""
import json
import sys

import numpy as np
import pandas as pd
import pyarrow as pa

from chartonpy import arrow_pandas, grammar
from chartonpy.spec import ChartSpec


def values(series):
    if series is None:
        return None
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        counts = series.array.asi8
        return [None if pd.isna(t) else int(c) for t, c in zip(series, counts)]
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return [None if pd.isna(v) else float(v) for v in series.to_numpy(dtype=float, na_value=np.nan)]
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in series]


def main(path, spec_json):
    with pa.OSFile(path) as source:
        table = pa.ipc.open_file(source).read_all()
    plan = grammar.plan(arrow_pandas.to_pandas(table), ChartSpec(json.loads(spec_json)))
    data = plan.data
    columns = [values(data[name]) if name in data.columns else [None] * len(data)
               for name in (grammar.X, grammar.SERIES, grammar.FACET, grammar.Y)]
    json.dump({"kind": plan.kind, "rows": [list(row) for row in zip(*columns)]}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
