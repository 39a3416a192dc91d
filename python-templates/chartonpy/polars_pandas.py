"""A polars DataFrame as the pandas DataFrame pyarrow's to_pandas() would give, without pyarrow.

polars' own to_pandas() needs pyarrow, and polars is the reader charton uses when pyarrow is
missing, so the columns are converted here through numpy, one dtype family at a time.
"""
import numpy as np
import pandas as pd
import polars as pl


def to_pandas(frame):
    series = frame.get_columns()
    converted = pd.DataFrame({i: _column(s) for i, s in enumerate(series)}, index=pd.RangeIndex(frame.height))
    converted.columns = [s.name for s in series]  # by position, so duplicate names survive
    return converted


def _column(series):
    dtype = series.dtype
    if isinstance(dtype, (pl.Categorical, pl.Enum)):
        return _categorical(series)
    if isinstance(dtype, pl.Datetime):
        values = series.to_numpy()
        if dtype.time_zone:
            return pd.Series(values).dt.tz_localize("UTC").dt.tz_convert(dtype.time_zone).array
        return values
    if dtype == pl.Date:
        return series.to_numpy().astype("datetime64[ms]")
    if dtype == pl.Null:
        return np.full(series.len(), None, dtype=object)
    values = series.to_numpy()
    if values.ndim > 1:  # fixed-size lists: one array per row, as pyarrow gives them
        rows = np.empty(len(values), dtype=object)
        rows[:] = list(values)
        return rows
    return values


def _categorical(series):
    # Categories in order of first appearance: polars does not keep the stream's dictionary.
    if isinstance(series.dtype, pl.Enum):
        categories = series.dtype.categories.to_list()
    else:
        categories = series.drop_nulls().unique(maintain_order=True).cast(pl.String).to_list()
    position = {value: i for i, value in enumerate(categories)}
    codes = np.array([-1 if v is None else position[v] for v in series.to_list()], dtype=np.int64)
    return pd.Categorical.from_codes(codes, categories=categories)
