package dev.charton.app;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.output.OutputTarget;
import dev.charton.table.ArrowIpcWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** {@code charton convert}: any input table, read batch by batch, written out as Arrow IPC. */
public final class TableExport {
    private TableExport() {
    }

    /** Returns the number of rows written. A file output appears whole or not at all. */
    public static long toArrow(InputSource input, ReadOptions options, OutputTarget output, ArrowIpcWriter.Layout layout) {
        input.checkReadable();
        output.checkWritable();
        long[] rows = new long[1];
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(input, options, allocator)) {
            output.write(out -> rows[0] = ArrowIpcWriter.write(table, layout, out));
        }
        return rows[0];
    }
}
