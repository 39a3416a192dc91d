"""The statistic tables of docs/plan.md ("On the wire"), built here with pyarrow and numpy from a
pandas DataFrame, as Java sends them: what test_reduced draws and compares with the full rows.

Each builder returns (pyarrow Table, the spec's "reduced" object). Points builders also return the
frame's rows they kept, so the full rows can be restricted to the same points.
"""
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from matplotlib import cbook

KEYS = (("x", "x"), ("color", "color"), ("facet", "facet"))  # (spec option, statistic column)


def long_table(frame, spec, with_x=True):
    """The chart's rows as Arrow, one block per --y column: x, column, color, facet and y."""
    source = pa.Table.from_pandas(frame, preserve_index=False)
    names = list(spec.get("y", [])) or [None]
    blocks = []
    for name in names:
        columns = {}
        if with_x and spec.get("x"):
            columns["x"] = source.column(spec["x"])
        if len(names) > 1:
            columns["column"] = pa.array([name] * len(frame), pa.string())
        for option, column in KEYS[1:]:
            if spec.get(option):
                columns[column] = source.column(spec[option])
        columns["y"] = pc.cast(source.column(name), pa.float64()) if name else pa.array(np.ones(len(frame)))
        blocks.append(pa.table(columns))
    return pa.concat_tables(blocks)


def key_names(table, *value_columns):
    return [c for c in table.column_names if c not in ("y",) + value_columns]


def aggregate(frame, spec, agg):
    """`aggregate`: rows with a null y dropped (kept for a line), then one row per key combination."""
    table = long_table(frame, spec)
    if spec["kind"] != "line" and spec.get("y"):
        table = table.filter(pc.is_valid(table.column("y")))
    keys = key_names(table)
    result = table.group_by(keys, use_threads=False).aggregate([("y", agg)])
    result = result.rename_columns(keys + ["y"]).cast(_schema(result, keys))
    return result, {"stat": "aggregate", "rows_read": len(frame), "agg": agg}


def _schema(result, keys):
    return pa.schema([result.schema.field(k) for k in keys] + [pa.field("y", pa.float64())])


def bins(frame, spec):
    """`bins`: numpy's automatic edges (at most 100 bins) over every finite value, counts per series."""
    table = long_table(frame, spec, with_x=False)
    values = table.column("y").to_numpy(zero_copy_only=False)
    finite = np.isfinite(values)
    table, values = table.filter(pa.array(finite)), values[finite]
    edges = np.histogram_bin_edges(values, "auto")
    if len(edges) > 101:
        edges = np.histogram_bin_edges(values, 100)
    index = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
    table = table.append_column("bin", pa.array(index))
    keys = key_names(table, "bin")
    counts = table.group_by(keys + ["bin"], use_threads=False).aggregate([("y", "count")])
    position = counts.column("bin").to_numpy()
    result = counts.select(keys).append_column("start", pa.array(edges[position])) \
        .append_column("end", pa.array(edges[position + 1])) \
        .append_column("y", pc.cast(counts.column("y_count"), pa.int64()))
    return result, {"stat": "bins", "rows_read": len(frame), "edges": edges.tolist()}


def box(frame, spec, height):
    """`box`: matplotlib.cbook.boxplot_stats of each group, the fliers thinned to one per pixel row."""
    table = long_table(frame, spec)
    table = table.filter(pc.is_valid(table.column("y")))
    values = table.column("y").to_numpy()
    low, high = values.min(), values.max()
    keys = key_names(table)
    groups = table.group_by(keys, use_threads=False).aggregate([("y", "list")])
    rows = {name: [] for name in ("q1", "median", "q3", "whislo", "whishi", "fliers", "n")}
    for group in groups.column("y_list").to_pylist():
        stats = cbook.boxplot_stats(np.asarray(group), whis=1.5)[0]
        for name, key in (("q1", "q1"), ("median", "med"), ("q3", "q3"), ("whislo", "whislo"), ("whishi", "whishi")):
            rows[name].append(float(stats[key]))
        rows["fliers"].append(_one_per_pixel_row(np.sort(stats["fliers"]), low, high, height))
        rows["n"].append(len(group))
    result = groups.select(keys)
    for name, column in rows.items():
        kind = pa.list_(pa.float64()) if name == "fliers" else pa.int64() if name == "n" else pa.float64()
        result = result.append_column(name, pa.array(column, kind))
    return result, {"stat": "box", "rows_read": len(frame)}


def _one_per_pixel_row(fliers, low, high, rows):
    row = np.minimum(((fliers - low) / (high - low) * rows).astype(int), rows - 1)
    keep = [i for i in range(len(fliers)) if i == 0 or row[i] != row[i - 1]]
    return fliers[keep].tolist()


def cells(frame, spec, x_bins=None, y_bins=None):
    """`cells`: one row per (x, y, facet) cell; a binned axis as its bin index (int32) and its edges."""
    source = pa.Table.from_pandas(frame, preserve_index=False)
    columns = {"x": source.column(spec["x"]), "y": source.column(spec["y"][0])}
    reduced = {"stat": "cells", "rows_read": len(frame), "agg": spec.get("agg") or ("mean" if spec.get("color") else "count")}
    for axis, binning in (("x", x_bins), ("y", y_bins)):
        if binning is not None:
            index, description = binning(columns[axis])
            columns[axis] = pa.array(index, pa.int32())
            reduced.update({axis + "_" + key: value for key, value in description.items()})
    if spec.get("facet"):
        columns["facet"] = source.column(spec["facet"])
    columns["value"] = pc.cast(source.column(spec["color"]), pa.float64()) if spec.get("color") \
        else pa.array(np.ones(len(frame)))
    table = pa.table(columns)
    if spec.get("color"):
        table = table.filter(pc.is_valid(table.column("value")))
    keys = [c for c in table.column_names if c != "value"]
    agg = reduced["agg"]
    result = table.group_by(keys, use_threads=False).aggregate([("value", agg)])
    return result.rename_columns(keys + ["value"]).cast(
        pa.schema([result.schema.field(k) for k in keys] + [pa.field("value", pa.float64())])), reduced


def round_bins(count):
    """A numeric axis in about ``count`` intervals of a round width, closed on the left (docs/plan.md)."""
    def binning(column):
        values = column.to_numpy(zero_copy_only=False)
        low, high = np.nanmin(values), np.nanmax(values)
        raw = (high - low) / count
        power = 10.0 ** np.floor(np.log10(raw))
        step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
        start = np.floor(low / step) * step
        edges = start + step * np.arange(np.floor((high - start) / step) + 2)
        index = np.searchsorted(edges, values, side="right") - 1
        return np.where(np.isnan(values), None, index).tolist(), {"edges": edges.tolist()}
    return binning


def hour_bins(hours):
    """A temporal axis in intervals of ``hours`` hours from midnight UTC, closed on the left, edges in
    the column's unit since the epoch (docs/plan.md)."""
    def binning(column):
        stamps = pc.cast(column, pa.int64()).to_numpy(zero_copy_only=False)
        valid = column.is_valid().to_numpy(zero_copy_only=False)
        nanos_per_unit = {"s": 10 ** 9, "ms": 10 ** 6, "us": 10 ** 3, "ns": 1}[column.type.unit]
        step = hours * 3600 * 10 ** 9 // nanos_per_unit
        first, last = stamps[valid].min() // step, stamps[valid].max() // step
        edges = [int(i) * step for i in range(first, last + 2)]
        index = stamps // step - first
        calendar = {"unit": "hour", "multiple": hours, "nanos_per_unit": nanos_per_unit}
        if pa.types.is_time(column.type):
            calendar["time_of_day"] = True
        return np.where(valid, index, None).tolist(), {"edges": edges, "calendar": calendar}
    return binning


def m4(frame, spec, pixels):
    """`points` by M4: per series and panel and pixel column of the x range, the rows of first and last
    x and of least and greatest y, and for a line every row with a null y (a gap). Returns (table,
    reduced, rows)."""
    x = _numbers(frame[spec["x"]])
    y = frame[spec["y"][0]].to_numpy(dtype=float)
    column = np.minimum(((x - x.min()) / (x.max() - x.min()) * pixels).astype(int), pixels - 1)
    kept = set(np.flatnonzero(np.isnan(y))) if spec["kind"] == "line" else set()
    for rows in _series_rows(frame, spec, column):
        rows = rows[~np.isnan(y[rows])]
        if len(rows):
            kept.update(rows[[np.argmin(x[rows]), np.argmax(x[rows]), np.argmin(y[rows]), np.argmax(y[rows])]])
    return _points(frame, spec, sorted(kept), {"method": "m4", "pixels": pixels})


def grid(frame, spec, pixels):
    """`points` for a scatter: the first row of each series, panel and pixel cell."""
    x = _numbers(frame[spec["x"]])
    y = frame[spec["y"][0]].to_numpy(dtype=float)
    valid = ~np.isnan(y)
    span_y = np.nanmax(y) - np.nanmin(y)
    cell = np.minimum(((x - x.min()) / (x.max() - x.min()) * pixels).astype(int), pixels - 1) * pixels \
        + np.minimum(((np.nan_to_num(y) - np.nanmin(y)) / span_y * pixels).astype(int), pixels - 1)
    kept = []
    for rows in _series_rows(frame, spec, np.where(valid, cell, -1)):
        rows = rows[valid[rows]]
        kept += list(rows[np.unique(cell[rows], return_index=True)[1]])
    return _points(frame, spec, sorted(kept), {"method": "grid", "pixels": pixels})


def _numbers(values):
    if hasattr(values.dtype, "tz") or str(values.dtype).startswith("datetime"):
        return values.astype("int64").to_numpy(dtype=float)
    if values.dtype == object:  # times of day: their microseconds since midnight
        return pc.cast(pa.array(values, pa.time64("us")), pa.int64()).to_numpy(zero_copy_only=False).astype(float)
    return values.to_numpy(dtype=float)


def _series_rows(frame, spec, bucket):
    """Row numbers of each (series, panel, bucket) group."""
    keys = [frame[spec[o]].astype(object).fillna("\0").to_numpy() for o in ("color", "facet") if spec.get(o)]
    groups = {}
    for i, key in enumerate(zip(*keys, bucket)):
        groups.setdefault(key, []).append(i)
    return [np.asarray(rows) for rows in groups.values()]


def _points(frame, spec, rows, extra):
    """The kept rows in x order (as Java sends them), and as a frame in that order."""
    chosen = frame.iloc[rows].sort_values(spec["x"], kind="stable")
    return long_table(chosen, spec), {"stat": "points", "rows_read": len(frame), **extra}, chosen
