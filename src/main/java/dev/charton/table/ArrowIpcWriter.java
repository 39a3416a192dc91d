package dev.charton.table;

import dev.charton.input.TableReader;
import dev.charton.input.TextColumns;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
     * Streams every batch of {@code table} to {@code out} and flushes; returns the number of rows
     * written. {@code out} stays open (a warm Python worker reads its next request from the same
     * pipe). The first batch is loaded before the schema is written, so the dictionaries it brings
     * go out with the schema, which goes out without charton's own metadata.
     */
    public static long write(TableReader table, Layout layout, OutputStream out) throws IOException {
        long rows = 0;
        WritableByteChannel channel = new KeepOpen(out);
        boolean more = table.loadNextBatch();
        VectorSchemaRoot loaded = table.root();
        // The same vectors under the shared schema: the writer takes the schema it sends from its root.
        VectorSchemaRoot written = new VectorSchemaRoot(TextColumns.withoutInternalMetadata(loaded.getSchema()),
                loaded.getFieldVectors(), loaded.getRowCount());
        try (ArrowWriter writer = layout == Layout.FILE
                ? new ArrowFileWriter(written, table.dictionaries(), channel)
                : new ArrowStreamWriter(written, table.dictionaries(), channel)) {
            writer.start();
            while (more) {
                written.setRowCount(loaded.getRowCount());
                writer.writeBatch();
                rows += table.root().getRowCount();
                more = table.loadNextBatch();
            }
            writer.end();
        }
        return rows;
    }

    /**
     * Writes one root (and the dictionaries its encoded columns use) as an Arrow IPC stream to
     * {@code out}, which stays open; returns the number of rows written.
     */
    public static long write(VectorSchemaRoot root, DictionaryProvider dictionaries, OutputStream out) throws IOException {
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, dictionaries, new KeepOpen(out))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return root.getRowCount();
    }

    /** A channel onto a stream whose close only flushes. */
    private static final class KeepOpen implements WritableByteChannel {
        private final OutputStream out;
        private byte[] chunk; // for off-heap buffers (Arrow's), which an OutputStream cannot take as is
        private boolean open = true;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int length = source.remaining();
            if (source.hasArray()) {
                out.write(source.array(), source.arrayOffset() + source.position(), length);
                source.position(source.limit());
            } else {
                if (chunk == null) {
                    chunk = new byte[1 << 20];
                }
                while (source.hasRemaining()) {
                    int n = Math.min(chunk.length, source.remaining());
                    source.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
            return length;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            out.flush();
        }
    }
}
