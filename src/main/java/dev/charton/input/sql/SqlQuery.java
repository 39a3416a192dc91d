package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.input.ColumnSelection;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.Deadline;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        Connection connection = SqlConnections.open(db, driverJar);
        try {
            prepareSession(connection);
            String sql = columns == null ? text : projection(columns, resultColumns(connection));
            QueryExecution execution = QueryExecution.start(db, connection, sql, TableReaders.BATCH_ROWS, deadline);
            return db.dialect() == SqlDialect.DUCKDB
                    ? new DuckDbTableReader(execution, allocator, TableReaders.BATCH_ROWS)
                    : new JdbcTableReader(execution, allocator, TableReaders.BATCH_ROWS);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof ChartonException charton ? charton : SqlFailures.of(asSql(e), db);
        }
    }

    /** A query runs again for each pass; charton copies its result once instead. */
    @Override
    public boolean reopenable() {
        return false;
    }

    /** The user's query keeping only {@code columns} (checked against {@code available}), selected by the engine. */
    String projection(List<String> columns, List<String> available) {
        if (available != null) {
            ColumnSelection.resolve(available, columns, displayName());
        }
        SqlDialect dialect = db.dialect();
        return "SELECT " + columns.stream().map(dialect::quote).collect(Collectors.joining(", "))
                + " FROM (\n" + text + "\n) AS " + QUERY_ALIAS;
    }

    /** The names of the query's columns, asked of the engine without running it; null if it cannot tell. */
    private List<String> resultColumns(Connection connection) {
        try (PreparedStatement prepared = connection.prepareStatement(text)) {
            ResultSetMetaData metadata = prepared.getMetaData();
            if (metadata == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                names.add(metadata.getColumnLabel(i));
            }
            return names;
        } catch (SQLException e) {
            throw SqlFailures.of(e, db);
        }
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

    private static SQLException asSql(Exception e) {
        return e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was read yet.
        }
    }
}
