package dev.charton.pipeline.stats;

import dev.charton.lifecycle.PrivateTempFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Rows of a table reduced to the three numbers a statistic's later passes need (a long key such as
 * an x that orders exactly, a double value, NaN allowed, and an int group such as a series id), so
 * those passes read these instead of decoding the input again. In memory up to a threshold, beyond
 * it in blocks of a private temporary file (deleted on close or when charton is stopped).
 */
public final class RowSpill implements AutoCloseable {
    /** 20 MB of rows in memory before spilling (and as much again to read spilled blocks back). */
    public static final int DEFAULT_MEMORY_ROWS = 1 << 20;
    private static final int ROW_BYTES = Long.BYTES + Double.BYTES + Integer.BYTES;

    private final int memoryRows;
    private long[] keys = new long[16];
    private double[] values = new double[16];
    private int[] groups = new int[16];
    private int buffered;
    private long spilledBlocks;
    private long finiteCount;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private PrivateTempFile file;
    private FileChannel channel;
    private ByteBuffer io;

    public RowSpill() {
        this(DEFAULT_MEMORY_ROWS);
    }

    /** @param memoryRows how many rows stay in memory before the rest goes to a file */
    public RowSpill(int memoryRows) {
        if (memoryRows < 1) {
            throw new IllegalArgumentException("memoryRows must be positive: " + memoryRows);
        }
        this.memoryRows = memoryRows;
    }

    /** Receives rows in blocks whose arrays are reused between calls: rows {@code [0, length)}. */
    @FunctionalInterface
    public interface BlockConsumer {
        void accept(long[] keys, double[] values, int[] groups, int length);
    }

    public void add(long key, double value, int group) throws IOException {
        if (buffered == keys.length) {
            if (buffered < memoryRows) {
                int size = (int) Math.min(memoryRows, 2L * buffered);
                keys = Arrays.copyOf(keys, size);
                values = Arrays.copyOf(values, size);
                groups = Arrays.copyOf(groups, size);
            } else {
                spill();
            }
        }
        keys[buffered] = key;
        values[buffered] = value;
        groups[buffered] = group;
        buffered++;
        if (Double.isFinite(value)) {
            finiteCount++;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }

    /** Adds rows {@code [0, length)} of the arrays, as {@link #add} would one by one. */
    public void addAll(long[] keys, double[] values, int[] groups, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            add(keys[i], values[i], groups[i]);
        }
    }

    /** The number of rows added. */
    public long size() {
        return spilledBlocks * memoryRows + buffered;
    }

    /** Whether some rows are in the temporary file (for tests of the spill path). */
    public boolean spilled() {
        return file != null;
    }

    /** Hands every row to {@code consumer}, in the order added. */
    public void forEachBlock(BlockConsumer consumer) throws IOException {
        if (file != null) {
            long[] readKeys = new long[memoryRows];
            double[] readValues = new double[memoryRows];
            int[] readGroups = new int[memoryRows];
            for (long block = 0; block < spilledBlocks; block++) {
                read(block * memoryRows * ROW_BYTES);
                io.asLongBuffer().get(readKeys);
                io.position(memoryRows * Long.BYTES);
                io.asDoubleBuffer().get(readValues);
                io.position(memoryRows * (Long.BYTES + Double.BYTES));
                io.asIntBuffer().get(readGroups);
                consumer.accept(readKeys, readValues, readGroups, memoryRows);
            }
        }
        if (buffered > 0) {
            consumer.accept(keys, values, groups, buffered);
        }
    }

    /**
     * The values as a {@link DoubleSource} (for a histogram's edges); only for a spill whose values
     * are all finite.
     */
    public DoubleSource values() {
        if (finiteCount != size()) {
            throw new IllegalStateException("the values are not all finite");
        }
        return new DoubleSource() {
            @Override
            public long count() {
                return finiteCount;
            }

            @Override
            public double min() {
                return min;
            }

            @Override
            public double max() {
                return max;
            }

            @Override
            public void forEachBlock(BlockConsumer consumer) throws IOException {
                RowSpill.this.forEachBlock((keys, values, groups, length) -> consumer.accept(values, length));
            }
        };
    }

    /** Writes the full in-memory block as one block of the file: its keys, then values, then groups. */
    private void spill() throws IOException {
        if (file == null) {
            file = PrivateTempFile.create("charton-rows-", ".bin");
            channel = FileChannel.open(file.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            io = ByteBuffer.allocateDirect(memoryRows * ROW_BYTES).order(ByteOrder.nativeOrder());
        }
        io.clear();
        io.asLongBuffer().put(keys, 0, memoryRows);
        io.position(memoryRows * Long.BYTES);
        io.asDoubleBuffer().put(values, 0, memoryRows);
        io.position(memoryRows * (Long.BYTES + Double.BYTES));
        io.asIntBuffer().put(groups, 0, memoryRows);
        io.clear();
        long offset = spilledBlocks * memoryRows * ROW_BYTES;
        while (io.hasRemaining()) {
            channel.write(io, offset + io.position());
        }
        spilledBlocks++;
        buffered = 0;
    }

    private void read(long offset) throws IOException {
        io.clear();
        while (io.hasRemaining()) {
            if (channel.read(io, offset + io.position()) < 0) {
                throw new IOException("the spill file " + file.path() + " ended early");
            }
        }
        io.clear();
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            try {
                channel.close();
            } finally {
                file.close();
                file = null;
            }
        }
    }
}
