package dev.charton.app;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.output.OutputTarget;
import dev.charton.table.ArrowIpcWriter;
import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** {@code charton convert}: any input table, read batch by batch, written out as Arrow IPC. */
public final class TableExport {
    private TableExport() {
    }

    /** Returns the number of rows written. A file output appears whole or not at all. */
    public static long toArrow(InputSource input, ReadOptions options, OutputTarget output, ArrowIpcWriter.Layout layout) {
        return toArrow(new InputTable(input, options), output, layout);
    }

    /** A file's table or a query's result as Arrow IPC; returns the number of rows written. */
    public static long toArrow(TableSource source, OutputTarget output, ArrowIpcWriter.Layout layout) {
        source.checkReadable();
        output.checkWritable();
        long[] rows = new long[1];
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = source.open(null, allocator)) {
            output.write(out -> rows[0] = ArrowIpcWriter.write(table, layout, out));
        }
        return rows[0];
    }
}
