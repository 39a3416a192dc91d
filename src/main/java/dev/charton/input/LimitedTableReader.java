package dev.charton.input;

import java.util.Optional;
import java.util.OptionalLong;

/** Stops after the first {@code limit} rows, cutting the last batch short; later batches are never read. */
final class LimitedTableReader extends ForwardingTableReader {
    private long remaining;

    LimitedTableReader(TableReader inner, long limit) {
        super(inner);
        this.remaining = limit;
    }

    @Override
    public OptionalLong knownRowCount() {
        OptionalLong all = inner.knownRowCount();
        return all.isPresent() ? OptionalLong.of(Math.min(all.getAsLong(), remaining)) : all;
    }

    /** The rows cut off may hold the bounds. */
    @Override
    public Optional<ColumnRange> recordedRange(String name) {
        return Optional.empty();
    }

    @Override
    public boolean loadNextBatch() {
        if (remaining <= 0 || !inner.loadNextBatch()) {
            return false;
        }
        int rows = inner.root().getRowCount();
        if (rows > remaining) {
            rows = (int) remaining;
            inner.root().setRowCount(rows);
        }
        remaining -= rows;
        return true;
    }
}
