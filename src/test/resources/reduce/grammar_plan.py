"""Prints, as JSON, the plan grammar.py makes from every row of an Arrow file: the reference the
Java reductions are compared with (ReductionsIT).

usage: grammar_plan.py TABLE.arrow SPEC_JSON
The plan's columns, each value as: a time, the integer count of its column's unit; a number, a
float; a category, its label. For a box plot also matplotlib's statistics of each box.
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
    if isinstance(series, np.ndarray):  # grammar.py's plans hold numpy columns where pandas is not needed
        series = pd.Series(series)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        counts = series.array.asi8
        return [None if pd.isna(t) else int(c) for t, c in zip(series, counts)]
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return [None if pd.isna(v) else float(v) for v in series.to_numpy(dtype=float, na_value=np.nan)]
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in series]


def main(path, spec_json):
    with pa.OSFile(path) as source:
        table = pa.ipc.open_file(source).read_all()
    frame = arrow_pandas.to_pandas(table)
    spec = ChartSpec(json.loads(spec_json))
    plan = grammar.plan(frame, spec)
    result = {"kind": plan.kind, "x_order": plan.x_order, "y_order": plan.y_order,
              "columns": {name: values(plan.data[name]) for name in plan.data.columns}}
    if plan.kind == "box":
        result["boxes"] = boxes(frame, spec)
    json.dump(result, sys.stdout)


def boxes(frame, spec):
    """matplotlib's own statistics of each box, from the rows as the grammar labels them (the plan
    holds charton's statistics, which are what is tested): [x, series, facet, stats]."""
    from matplotlib import cbook
    columns = grammar._Columns(frame, spec)
    x_values, _ = columns.split("--x", columns.x, grammar.MAX_GROUPS)
    data, _, _ = grammar._long_form(columns, x_values, columns.value_names("box"))
    data = data[data[grammar.Y].notna()]
    keys = [k for k in (grammar.X, grammar.SERIES, grammar.FACET) if k in data.columns]
    result = []
    for key, rows in data.groupby(keys, sort=False, observed=True):
        key = dict(zip(keys, key if isinstance(key, tuple) else (key,)))
        stats = cbook.boxplot_stats(rows[grammar.Y].to_numpy(dtype=float))[0]
        result.append([None if key.get(k) is None else str(key[k]) for k in (grammar.X, grammar.SERIES, grammar.FACET)]
                      + [float(stats[s]) for s in ("q1", "med", "q3", "whislo", "whishi")]
                      + [len(rows), sorted(float(f) for f in stats["fliers"])])
    return result


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
