"""The pandas way to plot a SQL table (bench/sql.sh): read_sql fetches every row, matplotlib draws.

DuckDB's result comes whole as a DataFrame (DuckDB's own .df(), columnar). PostgreSQL's comes in
chunks of a million rows through a server-side (named) cursor: pandas.read_sql with psycopg2 would
first hold every row in the client as Python tuples, which for 100M rows does not fit in memory.
The line and the histogram keep every value (matplotlib needs them all, "auto" bins need all
values); the bar keeps only the running sums and counts per category.

Usage: sql_pandas.py ENGINE DUCKDB_FILE PG_PORT CHART QUERY OUT.png ROWS_FILE
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

CHUNK_ROWS = 1_000_000


def duckdb_frames(duckdb_file, query):
    import duckdb
    yield duckdb.connect(duckdb_file, read_only=True).sql(query).df()


def postgres_frames(port, query):
    import psycopg2
    connection = psycopg2.connect(host="127.0.0.1", port=port, user="bench", dbname="postgres")
    with connection, connection.cursor(name="charton_bench") as cursor:
        cursor.itersize = CHUNK_ROWS
        cursor.execute(query)
        while True:
            rows = cursor.fetchmany(CHUNK_ROWS)
            if not rows:
                break
            yield pd.DataFrame.from_records(rows, columns=[c.name for c in cursor.description])


def main():
    engine, duckdb_file, port, chart, query, out, rows_file = sys.argv[1:8]
    frames = duckdb_frames(duckdb_file, query) if engine == "duckdb" else postgres_frames(port, query)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    rows = 0
    if chart == "bar":
        sums = None
        for frame in frames:
            rows += len(frame)
            part = frame.groupby("cat")["value"].agg(["sum", "count"])
            sums = part if sums is None else sums.add(part, fill_value=0)
        means = sums["sum"] / sums["count"]
        ax.bar(means.index, means.values)
    else:
        frame = pd.concat(list(frames), ignore_index=True)
        rows = len(frame)
        if chart == "line":
            ax.plot(frame["t"], frame["value"])
        else:
            ax.hist(frame["value"], bins="auto")
    fig.savefig(out)
    with open(rows_file, "w") as f:
        f.write(str(rows))


if __name__ == "__main__":
    main()
