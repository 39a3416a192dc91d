package dev.charton.bridge;

import dev.charton.input.TableReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Writes a table, batch by batch, as one Arrow IPC stream: raw bytes, no base64, no JSON wrapping. */
public final class ArrowStreamSender {
    private ArrowStreamSender() {
    }

    /**
     * Streams every batch of {@code table} to {@code out}, through the end-of-stream marker, and
     * flushes; returns the number of rows sent. {@code out} stays open: a warm worker reads the
     * next request from the same pipe.
     */
    public static long send(TableReader table, OutputStream out) throws IOException {
        long rows = 0;
        try (ArrowStreamWriter writer = new ArrowStreamWriter(table.root(), table.dictionaries(), new KeepOpen(out))) {
            writer.start();
            while (table.loadNextBatch()) {
                writer.writeBatch();
                rows += table.root().getRowCount();
            }
            writer.end();
        }
        return rows;
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
