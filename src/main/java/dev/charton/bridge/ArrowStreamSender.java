package dev.charton.bridge;

import dev.charton.input.TableReader;
import dev.charton.output.ArrowIpcWriter;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a table, batch by batch, as one Arrow IPC stream: raw bytes, no base64, no JSON wrapping. */
public final class ArrowStreamSender {
    private ArrowStreamSender() {
    }

    /** Streams every batch of {@code table} to {@code out}; returns the number of rows sent. */
    public static long send(TableReader table, OutputStream out) throws IOException {
        return ArrowIpcWriter.write(table, ArrowIpcWriter.Layout.STREAM, out);
    }
}
