package dev.charton.bridge;

import dev.charton.input.TableReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;

/** Writes a table, batch by batch, as one Arrow IPC stream: raw bytes, no base64, no JSON wrapping. */
public final class ArrowStreamSender {
    private ArrowStreamSender() {
    }

    /** Streams every batch of {@code table} to {@code out}; returns the number of rows sent. */
    public static long send(TableReader table, OutputStream out) throws IOException {
        long rows = 0;
        try (ArrowStreamWriter writer = new ArrowStreamWriter(table.root(), table.dictionaries(), Channels.newChannel(out))) {
            writer.start();
            while (table.loadNextBatch()) {
                writer.writeBatch();
                rows += table.root().getRowCount();
            }
            writer.end();
        }
        return rows;
    }
}
