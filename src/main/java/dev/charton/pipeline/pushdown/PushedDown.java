package dev.charton.pipeline.pushdown;

import dev.charton.input.ForwardingTableReader;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.input.sql.SqlQuery;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * The rows a reduction needs, as the engine selected them: read like any table (the chart's columns
 * only), with the number of rows the user's query had ({@link #rowsRead()}) and of the rows that
 * left the engine ({@link #rowsFetched()}).
 */
public final class PushedDown implements TableSource {
    private final SqlQuery query;
    private final String rowsReadColumn;
    private long rowsRead;
    private long rowsFetched;

    PushedDown(SqlQuery query, String rowsReadColumn) {
        this.query = query;
        this.rowsReadColumn = rowsReadColumn;
    }

    /** The SQL sent to the engine. */
    public String sql() {
        return query.text();
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsFetched() {
        return rowsFetched;
    }

    @Override
    public String displayName() {
        return query.displayName();
    }

    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        TableReader all = query.open(null, allocator);
        TableReader chart = TableReaders.keep(all, columns, displayName());
        rowsFetched = 0;
        return new ForwardingTableReader(chart) {
            @Override
            public boolean loadNextBatch() {
                boolean loaded = super.loadNextBatch();
                int rows = all.root().getRowCount();
                if (loaded && rows > 0) {
                    rowsFetched += rows;
                    rowsRead = count(all.root().getVector(rowsReadColumn));
                }
                return loaded;
            }

            @Override
            public void close() {
                all.close();
            }
        };
    }

    private static long count(FieldVector column) {
        return column instanceof BigIntVector bigint ? bigint.get(0) : ((Number) column.getObject(0)).longValue();
    }

    /** Its rows are few; charton copies them once rather than asking the engine again. */
    @Override
    public boolean reopenable() {
        return false;
    }
}
