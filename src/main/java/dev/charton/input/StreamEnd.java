package dev.charton.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an Arrow IPC stream, noting whether a read ran into their end. Arrow's reader stops
 * at the end-of-stream marker without reading further, so a reader that ran into the end of the
 * bytes was cut short: in the middle of a message, or after a whole one but before the marker.
 */
final class StreamEnd extends FilterInputStream {
    private boolean reached;

    StreamEnd(InputStream in) {
        super(in);
    }

    /** True once a read found no more bytes. */
    boolean reached() {
        return reached;
    }

    @Override
    public int read() throws IOException {
        return noted(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        return length > 0 ? noted(n) : n;
    }

    private int noted(int result) {
        if (result < 0) {
            reached = true;
        }
        return result;
    }
}
