"""A Plan's rows: named numpy columns of equal length, numpy only.

A renderer that draws with matplotlib reads them as arrays, so a reduced plan (a few thousand
rows Java already computed) is drawn without importing pandas; renderers built on pandas (seaborn,
altair, plotly) ask the Plan for a DataFrame. Times are datetime64 in UTC (the Plan keeps the zone).
"""
import numpy as np


class Rows:
    def __init__(self, columns):
        self._columns = {name: _array(values) for name, values in columns.items()}
        lengths = {len(values) for values in self._columns.values()}
        if len(lengths) > 1:
            raise ValueError("columns of different lengths: %s" % sorted(lengths))
        self._length = lengths.pop() if lengths else 0

    @property
    def columns(self):
        return list(self._columns)

    def __contains__(self, name):
        return name in self._columns

    def __getitem__(self, name):
        return self._columns[name]

    def __len__(self):
        return self._length

    @property
    def empty(self):
        return self._length == 0

    def take(self, selection):
        """The rows a boolean mask or an index array selects, in its order."""
        return Rows({name: values[selection] for name, values in self._columns.items()})

    def with_column(self, name, values):
        return Rows({**self._columns, name: values})

    def groups(self, name, order):
        """(value, its rows) for each value of ``order`` that occurs in column ``name``, in that order."""
        values = self._columns[name]
        for value in order:
            mask = values == value
            if mask.any():
                yield value, self.take(mask)

    def records(self):
        """The rows as dicts."""
        names = self.columns
        return [dict(zip(names, row)) for row in zip(*(self._columns[n] for n in names))]

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame(dict(self._columns), index=pd.RangeIndex(self._length))


def _array(values):
    if isinstance(values, np.ndarray):
        return values
    if hasattr(values, "to_numpy"):  # a pandas Series
        return np.asarray(values.to_numpy())
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array
