package dev.charton.pipeline.stats;

import dev.charton.lifecycle.PrivateTempFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Doubles appended to a private temporary file (deleted on close or when charton is stopped) and
 * read back by position, through one large direct buffer so a pass runs at the page cache's speed.
 */
final class SpillFile implements AutoCloseable {
    private static final int IO_BYTES = 4 << 20;

    private final PrivateTempFile file;
    private final FileChannel channel;
    private final ByteBuffer io = ByteBuffer.allocateDirect(IO_BYTES).order(ByteOrder.nativeOrder());
    private final double[] block = new double[IO_BYTES / Double.BYTES];
    private long size;

    SpillFile() throws IOException {
        file = PrivateTempFile.create("charton-values-", ".f64");
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /** Appends {@code values[0..length)}; returns the position (in values) of the first. */
    long append(double[] values, int length) throws IOException {
        long start = size;
        DoubleBuffer doubles = io.clear().asDoubleBuffer();
        for (int from = 0; from < length; from += doubles.capacity()) {
            int count = Math.min(doubles.capacity(), length - from);
            doubles.clear();
            doubles.put(values, from, count);
            io.clear().limit(count * Double.BYTES);
            while (io.hasRemaining()) {
                channel.write(io, size * Double.BYTES + io.position());
            }
            size += count;
        }
        return start;
    }

    /** Hands {@code count} values from {@code position} to the consumer, in blocks of a reused array. */
    void read(long position, long count, DoubleSource.BlockConsumer consumer) throws IOException {
        DoubleBuffer doubles = io.clear().asDoubleBuffer();
        for (long done = 0; done < count; ) {
            int length = (int) Math.min(block.length, count - done);
            long offset = (position + done) * Double.BYTES;
            io.clear().limit(length * Double.BYTES);
            while (io.hasRemaining()) {
                if (channel.read(io, offset + io.position()) < 0) {
                    throw new IOException("the spill file " + file.path() + " ended early");
                }
            }
            doubles.clear();
            doubles.get(block, 0, length);
            consumer.accept(block, length);
            done += length;
        }
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            file.close();
        }
    }
}
