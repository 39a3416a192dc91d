package dev.charton.pipeline.reduce;

import dev.charton.input.ColumnRange;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A root's rows as a source that recorded the given ranges and row count, as a Parquet footer does; counts its scans. */
final class RecordedSource implements BatchSource {
    private final VectorSchemaRoot root;
    private final BatchSource rows;
    private final Map<String, ColumnRange> ranges;
    private final OptionalLong rowCount;
    private int scans;

    RecordedSource(VectorSchemaRoot root, int batchRows, Map<String, ColumnRange> ranges, OptionalLong rowCount) {
        this.root = root;
        this.rows = TestTables.source(root, batchRows);
        this.ranges = ranges;
        this.rowCount = rowCount;
    }

    /** How many times the rows were read. */
    int scans() {
        return scans;
    }

    @Override
    public Schema schema() {
        return root.getSchema();
    }

    @Override
    public long scan(BatchConsumer consumer) throws IOException {
        scans++;
        return rows.scan(consumer);
    }

    @Override
    public Optional<ColumnRange> recordedRange(String column) {
        return Optional.ofNullable(ranges.get(column));
    }

    @Override
    public OptionalLong knownRowCount() {
        return rowCount;
    }
}
