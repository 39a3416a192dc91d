package dev.charton.input.sql;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

import java.io.IOException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A DuckDB result as DuckDB's own Arrow batches, handed over through Arrow's C data interface: no
 * row-by-row conversion. The only class that names DuckDB's, so its jar loads when a query runs.
 */
final class DuckDbTableReader implements QueryResult {
    private final QueryExecution execution;
    private final BufferAllocator allocator;
    private final ArrowReader reader;
    private final VectorSchemaRoot root;

    DuckDbTableReader(QueryExecution execution, BufferAllocator parent, int batchRows) {
        this.execution = execution;
        this.allocator = parent.newChildAllocator("duckdb", 0, Long.MAX_VALUE);
        ArrowReader opened = null;
        try {
            DuckDBResultSet result = execution.result().unwrap(DuckDBResultSet.class);
            opened = (ArrowReader) result.arrowExportStream(allocator, batchRows);
            this.root = opened.getVectorSchemaRoot();
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(opened);
            allocator.close();
            execution.close();
            throw execution.failure(e);
        }
        this.reader = opened;
    }

    /**
     * {@code query}, with each TIMETZ column of this result (a time of day with a UTC offset) turned
     * into its UTC time: DuckDB's Arrow batches would keep its wall-clock time and drop the offset.
     * {@code query} itself when the result has none.
     */
    String zonedTimesInUtc(String query) {
        List<String> replaced = new ArrayList<>();
        try {
            ResultSetMetaData columns = execution.result().getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (columns.getColumnType(i) == Types.TIME_WITH_TIMEZONE) {
                    String quoted = SqlDialect.DUCKDB.quote(columns.getColumnName(i));
                    replaced.add("timezone('UTC', " + quoted + ") AS " + quoted);
                }
            }
        } catch (SQLException e) {
            throw execution.failure(e);
        }
        if (replaced.isEmpty()) {
            return query;
        }
        return "SELECT * REPLACE (" + String.join(", ", replaced) + ") FROM (" + query + "\n) AS " + SqlQuery.QUERY_ALIAS;
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return reader;
    }

    @Override
    public boolean loadNextBatch() {
        try {
            return reader.loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw execution.failure(e);
        }
    }

    @Override
    public void close() {
        try {
            closeQuietly(reader);
            allocator.close();
        } finally {
            execution.close();
        }
    }

    private static void closeQuietly(ArrowReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (IOException | RuntimeException ignored) {
            // Only read from.
        }
    }
}
