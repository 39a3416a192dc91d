package dev.charton.input.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a row group column by column, for the common case where every selected column is a
 * top-level leaf that is not repeated: rows need no assembly, so each column's values go straight
 * into its vector, one column at a time.
 */
final class FlatColumns {
    private final List<ColumnReader> readers = new ArrayList<>();
    private final List<VectorConverter> sinks;
    private final int[] maxDefinition;

    FlatColumns(PageReadStore pages, MessageType requested, BatchMaterializer materializer, String createdBy) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, materializer.getRootConverter(), requested, createdBy);
        List<ColumnDescriptor> columns = requested.getColumns();
        this.sinks = materializer.columns();
        this.maxDefinition = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            readers.add(store.getColumnReader(columns.get(i)));
            maxDefinition[i] = columns.get(i).getMaxDefinitionLevel();
        }
    }

    static boolean fits(MessageType requested) {
        return requested.getFields().stream().allMatch(f -> f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED));
    }

    /** Reads the next {@code count} rows into rows {@code first}, {@code first + 1}, ... of the batch. */
    void read(int first, int count) {
        for (int c = 0; c < readers.size(); c++) {
            ColumnReader reader = readers.get(c);
            VectorConverter sink = sinks.get(c);
            int defined = maxDefinition[c];
            for (int row = first; row < first + count; row++) {
                if (reader.getCurrentDefinitionLevel() == defined) {
                    sink.open(row);
                    reader.writeCurrentValueToConverter();
                }
                reader.consume();
            }
        }
    }
}
