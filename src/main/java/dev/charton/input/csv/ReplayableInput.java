package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.PrivateTempFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a CSV input, readable again when a column turns out to be text only after some of
 * its rows were stored as numbers or dates. A regular file is simply reopened; standard input or a
 * pipe is copied, as it is read the first time, to a private temporary file.
 */
final class ReplayableInput implements AutoCloseable {
    private final Path path;
    private final PrivateTempFile copy;
    private InputStream first;

    private ReplayableInput(Path path, PrivateTempFile copy, InputStream first) {
        this.path = path;
        this.copy = copy;
        this.first = first;
    }

    /** {@code file} when it is a regular file, else {@code in} (the open bytes) copied as it is read. */
    static ReplayableInput of(Path file, InputStream in, String sourceName) {
        if (file != null && Files.isRegularFile(file)) {
            return new ReplayableInput(file, null, in);
        }
        try {
            PrivateTempFile copy = PrivateTempFile.create("charton-input-", ".csv");
            try {
                return new ReplayableInput(copy.path(), copy, new Tee(in, Files.newOutputStream(copy.path())));
            } catch (IOException e) {
                copy.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, sourceName + ": cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    /** The file holding the bytes (for a copy: the bytes read so far). */
    Path path() {
        return path;
    }

    /** The regular file read, or null when the bytes are a copy of standard input or a pipe. */
    Path regularFile() {
        return copy == null ? path : null;
    }

    /**
     * Whether the bytes are a regular file of at most {@code bytes}: too few to be worth handing
     * between threads, whose start and hand-overs would cost more than the reading they share.
     */
    boolean isFileOfAtMost(long bytes) {
        try {
            return copy == null && Files.size(path) <= bytes;
        } catch (IOException e) {
            return false; // reading it will say what is wrong
        }
    }

    /** The bytes from the start: the first time the stream given, later the file. */
    InputStream open() throws IOException {
        InputStream stream = first != null ? first : Files.newInputStream(path);
        first = null;
        return stream;
    }

    @Override
    public void close() {
        if (first != null) {
            try {
                first.close();
            } catch (IOException ignored) {
                // Only read from.
            }
        }
        if (copy != null) {
            copy.close();
        }
    }

    /** Passes bytes through and writes each one read to the copy (unbuffered: the copy is read on errors). */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)]);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                copy.close();
            }
        }
    }
}
