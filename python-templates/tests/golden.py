"""Helpers to check a DataFrame against an Arrow integration-test JSON file.

The golden ``generated_*.json.gz`` files (format described at
https://arrow.apache.org/docs/format/Integration.html) hold, per batch and
per column, a VALIDITY list and a DATA list; 64-bit integers and decimals
are strings, binary values are hex, dates/times/timestamps/durations are
integer counts of their unit, and dictionary-encoded columns hold indices
into the top-level "dictionaries" list.

Both the expected (golden) and the actual (DataFrame) columns are reduced to
lists of plain Python values (None for null) so they can be compared
value for value.  Two documented lossy spots of the pandas mapping:

* a valid int64 minimum in a timestamp/duration/date64 column is NaT in
  pandas, so it is expected as None;
* time64[ns] values are expected truncated to microseconds (datetime.time).
"""

import decimal
import gzip
import json

import numpy as np
import pandas as pd

INT64_MIN = -(2 ** 63)
SUPPORTED = {"null", "int", "floatingpoint", "bool", "utf8", "largeutf8", "binary",
             "largebinary", "date", "time", "timestamp", "duration", "decimal"}
UNIT_NAMES = {"SECOND": "s", "MILLISECOND": "ms", "MICROSECOND": "us", "NANOSECOND": "ns"}
MICROS = {"s": 1_000_000, "ms": 1000, "us": 1}


def load(path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def type_supported(arrow_type):
    if arrow_type["name"] not in SUPPORTED:
        return False
    return arrow_type["name"] != "decimal" or arrow_type.get("bitWidth", 128) == 128


def field_supported(field):
    return not field.get("children") and type_supported(field["type"])


def unsupported_fields(golden):
    return [f["name"] for f in golden["schema"]["fields"] if not field_supported(f)]


def _plain_values(arrow_type, column):
    """Golden DATA of one column (with VALIDITY) as plain Python values."""
    count = column["count"]
    if arrow_type["name"] == "null":
        return [None] * count
    convert = _GOLDEN_CONVERTERS[arrow_type["name"]]
    return [convert(arrow_type, value) if ok else None
            for ok, value in zip(column["VALIDITY"], column["DATA"])]


def _golden_time(arrow_type, value):
    unit = UNIT_NAMES[arrow_type["unit"]]
    value = int(value)
    return value // 1000 if unit == "ns" else value * MICROS[unit]


def _golden_instant(arrow_type, value):
    value = int(value)
    return None if value == INT64_MIN else value


def _golden_date(arrow_type, value):
    value = int(value)
    if arrow_type["unit"] == "DAY":
        return value * 86_400_000
    return None if value == INT64_MIN else value


def _golden_decimal(arrow_type, value):
    exact = decimal.Context(prec=80)
    return str(decimal.Decimal(int(value)).scaleb(-arrow_type["scale"], exact))


def _golden_float(arrow_type, value):
    dtype = {"HALF": np.float16, "SINGLE": np.float32, "DOUBLE": np.float64}
    return float(dtype[arrow_type["precision"]](value))


_GOLDEN_CONVERTERS = {
    "int": lambda t, v: int(v),
    "floatingpoint": _golden_float,
    "bool": lambda t, v: bool(v),
    "utf8": lambda t, v: v,
    "largeutf8": lambda t, v: v,
    "binary": lambda t, v: bytes.fromhex(v),
    "largebinary": lambda t, v: bytes.fromhex(v),
    "date": _golden_date,
    "time": _golden_time,
    "timestamp": _golden_instant,
    "duration": _golden_instant,
    "decimal": _golden_decimal,
}


def expected_column(golden, index):
    """All batches of field `index`, decoded from the golden JSON."""
    field = golden["schema"]["fields"][index]
    columns = [batch["columns"][index] for batch in golden["batches"]]
    encoding = field.get("dictionary")
    if encoding is None:
        return [v for column in columns for v in _plain_values(field["type"], column)]
    entries = [d for d in golden.get("dictionaries", []) if d["id"] == encoding["id"]]
    assert len(entries) == 1, "one dictionary batch per id expected in the corpus"
    dictionary = _plain_values(field["type"], entries[0]["data"]["columns"][0])
    return [dictionary[int(i)] if ok else None
            for column in columns for ok, i in zip(column["VALIDITY"], column["DATA"])]


def _is_null(value):
    return value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value))


def _actual_instants(series):
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    ints = series.to_numpy().view(np.int64)
    return [None if n == INT64_MIN else int(n) for n in ints]


def _actual_time(value):
    return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond


def actual_column(series, arrow_type):
    """The DataFrame column as plain Python values, on the golden's scale."""
    name = arrow_type["name"]
    if name in ("timestamp", "duration", "date"):
        return _actual_instants(series)
    values = series.astype(object).tolist()
    if name == "time":
        return [None if _is_null(v) else _actual_time(v) for v in values]
    if name == "decimal":
        return [None if _is_null(v) else str(v) for v in values]
    if name == "floatingpoint" or (name == "int" and series.dtype.kind == "f"):
        return [None if _is_null(v) else float(v) for v in values]
    if name == "int":
        return [int(v) for v in values]
    return [None if _is_null(v) else v for v in values]


def comparable_expected(expected, series, arrow_type):
    """Expected values in the representation pandas uses for this column."""
    if arrow_type["name"] == "int" and series.dtype.kind == "f":
        return [None if v is None else float(np.float64(v)) for v in expected]
    return expected


def expected_dtype(field, has_nulls):
    """The pandas dtype (as a string) the reader must produce for `field`."""
    arrow_type = field["type"]
    name = arrow_type["name"]
    if field.get("dictionary") is not None and name in ("utf8", "largeutf8"):
        return "category"
    if name == "int":
        if has_nulls:
            return "float64"
        return f"{'' if arrow_type['isSigned'] else 'u'}int{arrow_type['bitWidth']}"
    if name == "floatingpoint":
        return {"HALF": "float16", "SINGLE": "float32", "DOUBLE": "float64"}[arrow_type["precision"]]
    if name == "bool":
        return "object" if has_nulls else "bool"
    if name in ("utf8", "largeutf8"):
        return "str" if pd.get_option("future.infer_string") else "object"
    if name == "date":
        return "datetime64[ms]"
    if name == "timestamp":
        unit = UNIT_NAMES[arrow_type["unit"]]
        tz = arrow_type.get("timezone")
        return f"datetime64[{unit}, {tz}]" if tz else f"datetime64[{unit}]"
    if name == "duration":
        return f"timedelta64[{UNIT_NAMES[arrow_type['unit']]}]"
    return "object"   # null, binary, time, decimal


def out_of_range_times(golden):
    """Names of time columns whose valid values fall outside one day."""
    bad = []
    for index, field in enumerate(golden["schema"]["fields"]):
        if field["type"]["name"] != "time" or not field_supported(field):
            continue
        micros = [v for v in expected_column(golden, index) if v is not None]
        if any(v < 0 or v >= 86_400_000_000 for v in micros):
            bad.append(field["name"])
    return bad

