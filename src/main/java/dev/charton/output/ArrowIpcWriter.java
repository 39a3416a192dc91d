package dev.charton.output;

import dev.charton.input.TableReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Locale;
import java.util.Optional;

/** Writes a table, batch by batch, as Arrow IPC: the stream layout or the file layout (random access). */
public final class ArrowIpcWriter {
    /** The two IPC layouts: a stream ({@code .arrows}) or a file with a footer ({@code .arrow}, {@code .feather}). */
    public enum Layout {
        STREAM, FILE;

        /** The layout a file name's extension asks for, if it names one. */
        public static Optional<Layout> forExtension(String extension) {
            switch (extension.toLowerCase(Locale.ROOT)) {
                case "arrows": case "stream": return Optional.of(STREAM);
                case "arrow": case "feather": case "ipc": return Optional.of(FILE);
                default: return Optional.empty();
            }
        }
    }

    private ArrowIpcWriter() {
    }

    /**
     * Streams every batch of {@code table} to {@code out}; returns the number of rows written. The
     * first batch is loaded before the schema is written, so the dictionaries it brings go out
     * with the schema.
     */
    public static long write(TableReader table, Layout layout, OutputStream out) throws IOException {
        long rows = 0;
        WritableByteChannel channel = Channels.newChannel(out);
        boolean more = table.loadNextBatch();
        try (ArrowWriter writer = layout == Layout.FILE
                ? new ArrowFileWriter(table.root(), table.dictionaries(), channel)
                : new ArrowStreamWriter(table.root(), table.dictionaries(), channel)) {
            writer.start();
            while (more) {
                writer.writeBatch();
                rows += table.root().getRowCount();
                more = table.loadNextBatch();
            }
            writer.end();
        }
        return rows;
    }
}
