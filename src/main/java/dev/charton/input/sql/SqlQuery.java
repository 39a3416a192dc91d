package dev.charton.input.sql;

import dev.charton.input.ColumnSelection;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.Deadline;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table that is a query's result: {@code --sql} on the embedded DuckDB (files, globs, joins) or on
 * the engine of {@code --db}. The chart's columns are selected in the engine, around the query.
 * {@code baseDirectory}, when given, is where the embedded DuckDB finds relative paths (a batch
 * spec's directory); otherwise they are relative to the working directory.
 */
public record SqlQuery(String text, DatabaseUrl db, Path driverJar, Path baseDirectory, Deadline deadline)
        implements TableSource {
    /** The alias of the user's query inside the SQL charton writes around it. */
    static final String QUERY_ALIAS = "charton_query";

    public SqlQuery {
        text = withoutTrailingSemicolons(text);
    }

    @Override
    public String displayName() {
        return db.displayName() + " query";
    }

    /**
     * The result, keeping only {@code columns} (null: all). Its schema comes from the query run with
     * {@code LIMIT 0}; the query itself runs when the first batch is read.
     */
    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        Schema schema;
        String source = text;
        // The user's first line on the statement's first line: the engine's error then names their line numbers.
        try (TableReader probe = run("SELECT * FROM (" + text + "\n) AS " + QUERY_ALIAS + " LIMIT 0", allocator)) {
            schema = probe.root().getSchema();
            if (probe instanceof DuckDbTableReader duckDb) {
                source = duckDb.zonedTimesInUtc(text);
            }
        }
        if (columns == null) {
            String all = source;
            return new DeferredQueryReader(schema, allocator, () -> run(all, allocator));
        }
        List<String> available = schema.getFields().stream().map(Field::getName).toList();
        List<Field> kept = ColumnSelection.resolve(available, columns, displayName()).stream()
                .map(schema.getFields()::get).toList();
        String sql = projection(source, columns);
        return new DeferredQueryReader(new Schema(kept, schema.getCustomMetadata()), allocator, () -> run(sql, allocator));
    }

    private TableReader run(String sql, BufferAllocator allocator) {
        Connection connection = SqlConnections.open(db, driverJar);
        try {
            prepareSession(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.of(e, db);
        }
        QueryExecution execution = QueryExecution.start(db, connection, sql, TableReaders.BATCH_ROWS, deadline);
        return db.dialect() == SqlDialect.DUCKDB
                ? new DuckDbTableReader(execution, allocator, TableReaders.BATCH_ROWS)
                : new JdbcTableReader(execution, allocator, TableReaders.BATCH_ROWS);
    }

    /** The same engine and settings running {@code sql} instead (what charton compiled around this query). */
    public SqlQuery withText(String sql) {
        return new SqlQuery(sql, db, driverJar, baseDirectory, deadline);
    }

    /** A query runs again for each pass; charton copies its result once instead. */
    @Override
    public boolean reopenable() {
        return false;
    }

    /** The query {@code source} keeping only {@code columns}, selected by the engine. */
    private String projection(String source, List<String> columns) {
        SqlDialect dialect = db.dialect();
        return "SELECT " + columns.stream().map(dialect::quote).collect(Collectors.joining(", "))
                + " FROM (\n" + source + "\n) AS " + QUERY_ALIAS;
    }

    /** DuckDB gives timestamps with a zone in the session's zone: UTC, as every other engine's arrive. */
    private void prepareSession(Connection connection) throws SQLException {
        if (db.dialect() != SqlDialect.DUCKDB) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            if (baseDirectory != null) {
                statement.execute("SET file_search_path = '" + baseDirectory.toString().replace("'", "''") + "'");
            }
        }
    }

    private static String withoutTrailingSemicolons(String query) {
        String trimmed = query.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was read yet.
        }
    }
}
