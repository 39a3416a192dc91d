"""The pandas way to plot a SQL table (bench/sql.sh): read_sql fetches every row, matplotlib draws.

Usage: sql_pandas.py ENGINE DUCKDB_FILE PG_PORT CHART QUERY OUT.png ROWS_FILE
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def connect(engine, duckdb_file, port):
    if engine == "duckdb":
        import duckdb
        return duckdb.connect(duckdb_file, read_only=True)
    import psycopg2
    return psycopg2.connect(host="127.0.0.1", port=port, user="bench", dbname="postgres")


def main():
    engine, duckdb_file, port, chart, query, out, rows_file = sys.argv[1:8]
    connection = connect(engine, duckdb_file, port)
    frame = connection.sql(query).df() if engine == "duckdb" else pd.read_sql(query, connection)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    if chart == "line":
        ax.plot(frame["t"], frame["value"])
    elif chart == "hist":
        ax.hist(frame["value"], bins="auto")
    else:
        means = frame.groupby("cat")["value"].mean()
        ax.bar(means.index, means.values)
    fig.savefig(out)
    with open(rows_file, "w") as f:
        f.write(str(len(frame)))


if __name__ == "__main__":
    main()
