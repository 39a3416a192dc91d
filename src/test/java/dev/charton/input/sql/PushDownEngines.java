package dev.charton.input.sql;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines push-down is compared on, each with the table {@value #TABLE} loaded once: nulls,
 * infinities, a text column whose values first appear out of order, dates. Trino is not one: it
 * keeps no row order, so its groups come sorted by their keys, not in order of first appearance;
 * {@code TrinoPushDownIT} loads the same table there and compares against every row sorted, and
 * {@code TrinoIT} its pushed-down lines.
 */
public final class PushDownEngines {
    public static final String TABLE = "pushdown";
    public static final int ROWS = 200_000;
    public static final List<String> NAMES = List.of("DuckDB", "PostgreSQL");
    private static final Map<String, SqlEngine> LOADED = new HashMap<>();

    private PushDownEngines() {
    }

    /** The engine of that name, its table loaded (a missing PostgreSQL skips, or fails under CI). */
    public static synchronized SqlEngine engine(String name) throws Exception {
        SqlEngine engine = LOADED.get(name);
        if (engine == null) {
            engine = switch (name) {
                case "DuckDB" -> SqlEngine.duckdb(Files.createTempDirectory("charton-pushdown").resolve("t.duckdb"));
                case "PostgreSQL" -> SqlEngine.postgres();
                default -> throw new IllegalArgumentException("no engine " + name);
            };
            engine.execute("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " AS SELECT i AS id,"
                    + " CASE WHEN i % 101 = 0 THEN NULL WHEN i % 997 = 0 THEN CAST('Infinity' AS DOUBLE PRECISION)"
                    + " ELSE sin(i / 300.0) * 10 + (i % 13) END AS v,"
                    + " CASE WHEN i % 89 = 0 THEN NULL ELSE CAST(i % 40 AS DOUBLE PRECISION) / 4 END AS q,"
                    + " CAST(i % 17 AS INTEGER) AS n,"
                    + " CASE WHEN i % 211 = 0 THEN NULL ELSE 'c' || CAST((i * 7) % 5 AS VARCHAR) END AS cat,"
                    + " CASE WHEN i % 3 = 0 THEN 'left' ELSE 'right' END AS side,"
                    + " DATE '2024-01-01' + CAST(i % 60 AS INTEGER) AS day"
                    + " FROM " + engine.series().formatted(ROWS));
            LOADED.put(name, engine);
        }
        return engine;
    }
}
