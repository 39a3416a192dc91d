package dev.charton.table;

import dev.charton.input.TableReader;

import java.io.IOException;
import java.io.OutputStream;

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
        return ArrowIpcWriter.write(table, ArrowIpcWriter.Layout.STREAM, out);
    }
}
