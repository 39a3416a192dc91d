package dev.charton.pipeline;

import dev.charton.input.ColumnRange;
import dev.charton.input.TableReader;
import dev.charton.pipeline.reduce.BatchSource;
import dev.charton.table.ArrowSpool;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A figure's projected table as batches a reduction can scan more than once: the first scan reads
 * the reader already open, later ones open the source again. A source that cannot be opened twice
 * (standard input, a pipe) is first copied into a spool of the chart's columns.
 */
final class TableBatches implements BatchSource, AutoCloseable {
    private final TableSource table;
    private final List<String> columns;
    private final BufferAllocator allocator;
    private final Schema schema;
    private final ArrowSpool spool;
    /** The reader of the first pass, kept for what it recorded about the table after its rows are read. */
    private final TableReader first;
    private TableReader unread;
    private TableReader ownedFirst;
    private long lastScanRows = -1;

    private TableBatches(TableSource table, List<String> columns, TableReader first, BufferAllocator allocator,
                         ArrowSpool spool) {
        this.table = table;
        this.columns = columns;
        this.allocator = allocator;
        this.schema = first.root().getSchema();
        this.first = first;
        this.unread = first;
        this.spool = spool;
        this.ownedFirst = spool == null ? null : first;
    }

    /** The batches of {@code open} (the projected reader of {@code table}), then of {@code table} opened again. */
    static TableBatches over(TableSource table, List<String> columns, TableReader open, BufferAllocator allocator) {
        if (table.reopenable()) {
            return new TableBatches(table, columns, open, allocator, null);
        }
        ArrowSpool spool = ArrowSpool.copy(open, table.displayName());
        try {
            return new TableBatches(spool, columns, spool.open(columns, allocator), allocator, spool);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Optional<ColumnRange> recordedRange(String column) {
        return first.recordedRange(column);
    }

    @Override
    public OptionalLong knownRowCount() {
        return first.knownRowCount();
    }

    @Override
    public long scan(BatchConsumer consumer) {
        if (unread != null) {
            TableReader first = unread;
            unread = null;
            return scan(first, consumer);
        }
        try (TableReader again = table.open(columns, allocator)) {
            return scan(again, consumer);
        }
    }

    /** Whether a scan ended having found no rows at all (so a reduction's complaint is about an empty table). */
    boolean foundNoRows() {
        return lastScanRows == 0;
    }

    private long scan(TableReader reader, BatchConsumer consumer) {
        long rows = 0;
        while (reader.loadNextBatch()) {
            rows += reader.root().getRowCount();
            consumer.accept(reader.root(), reader.dictionaries());
        }
        lastScanRows = rows;
        return rows;
    }

    @Override
    public void close() {
        if (ownedFirst != null) {
            ownedFirst.close();
            ownedFirst = null;
        }
        if (spool != null) {
            spool.close();
        }
    }
}
