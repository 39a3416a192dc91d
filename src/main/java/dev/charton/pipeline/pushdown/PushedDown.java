package dev.charton.pipeline.pushdown;

import dev.charton.pipeline.reduce.ReducedTable;

import java.util.List;

/**
 * A chart's statistic computed in the engine its table comes from: the reduced table (as Java's
 * reduction of every row would give it), the SQL sent, the rows that left the engine, the engine's
 * counts of the user's rows (for the warnings on values not drawn).
 */
public record PushedDown(ReducedTable table, List<String> queries, long rowsFetched, EngineCounts counts)
        implements AutoCloseable {
    public long rowsRead() {
        return counts.rows();
    }

    /** The queries sent, in order, as one text. */
    public String sql() {
        return String.join(";\n", queries);
    }

    @Override
    public void close() {
        table.close();
    }
}
