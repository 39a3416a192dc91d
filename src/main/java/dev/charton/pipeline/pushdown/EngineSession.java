package dev.charton.pipeline.pushdown;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import dev.charton.input.sql.SqlQuery;
import dev.charton.table.ArrowSpool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries one push-down sends to the user's engine (its first statistics and the statistic's
 * rows), with the rows each returned: what CHARTON_TIMINGS shows as {@code query} and
 * {@code rows_fetched}.
 */
final class EngineSession {
    private final SqlQuery user;
    private final BufferAllocator allocator;
    private final List<String> sent = new ArrayList<>();
    private long rowsFetched;

    EngineSession(SqlQuery user, BufferAllocator allocator) {
        this.user = user;
        this.allocator = allocator;
    }

    SqlQuery user() {
        return user;
    }

    /** Runs {@code sql}, a small result, and returns its rows by column name (numbers as Number). */
    List<Map<String, Object>> rows(String sql) {
        sent.add(sql);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (TableReader reader = open(sql)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot batch = reader.root();
                for (int row = 0; row < batch.getRowCount(); row++) {
                    Map<String, Object> values = new HashMap<>();
                    for (FieldVector column : batch.getFieldVectors()) {
                        values.put(column.getName(), value(column, row));
                    }
                    rows.add(values);
                }
                rowsFetched += batch.getRowCount();
            }
        } catch (ChartonException e) {
            throw failed(e);
        }
        return rows;
    }

    /** A value of a statistics row: a time as its vector holds it (a count of its unit since the epoch). */
    private static Object value(FieldVector column, int row) {
        if (column.isNull(row)) {
            return null;
        }
        if (column instanceof TimeStampVector time) {
            return time.get(row);
        }
        if (column instanceof DateDayVector day) {
            return day.get(row);
        }
        return column instanceof DateMilliVector date ? date.get(row) : column.getObject(row);
    }

    /** The one row of a statistics query. */
    Map<String, Object> row(String sql) {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("a statistics query returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }

    /** Runs {@code sql} and keeps its result (the statistic's rows, few) for a reduction to scan. */
    SpoolBatches fetch(String sql) {
        sent.add(sql);
        try (TableReader reader = open(sql)) {
            SpoolBatches rows = new SpoolBatches(ArrowSpool.copy(reader, user.displayName()), allocator);
            rowsFetched += rows.rows();
            return rows;
        } catch (ChartonException e) {
            throw failed(e);
        }
    }

    private TableReader open(String sql) {
        try {
            return user.withText(sql).open(null, allocator);
        } catch (ChartonException e) {
            throw failed(e);
        }
    }

    /** A failure of the SQL charton compiled ({@link EngineFailed}); others (unreachable, --timeout) as they are. */
    private static RuntimeException failed(ChartonException e) {
        return e.exitCode() == ExitCode.DATA ? new EngineFailed(e) : e;
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    long rowsFetched() {
        return rowsFetched;
    }

    static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A double of a statistics row, NaN for null. */
    static double real(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
