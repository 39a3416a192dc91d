package dev.charton.pipeline.stats;

import java.io.IOException;

/**
 * Doubles kept for a statistic's second pass: in memory up to a threshold, beyond it in a private
 * temporary file (deleted on close or when charton is stopped), so memory stays bounded whatever
 * the number of values. Values must be finite: callers drop NaN (and infinities where Python does).
 */
public final class DoubleSpill extends CountedValues implements AutoCloseable {
    /** 8 MB of values in memory before spilling. */
    public static final int DEFAULT_MEMORY_VALUES = 1 << 20;

    private final int memoryValues;
    private double[] memory = new double[16];
    private int buffered;
    private SpillFile file;

    public DoubleSpill() {
        this(DEFAULT_MEMORY_VALUES);
    }

    /** @param memoryValues how many values stay in memory before the rest goes to a file */
    public DoubleSpill(int memoryValues) {
        if (memoryValues < 1) {
            throw new IllegalArgumentException("memoryValues must be positive: " + memoryValues);
        }
        this.memoryValues = memoryValues;
    }

    public void add(double value) throws IOException {
        count(value);
        if (buffered == memory.length) {
            if (buffered < memoryValues) {
                memory = java.util.Arrays.copyOf(memory, (int) Math.min(memoryValues, 2L * buffered));
            } else {
                spill();
            }
        }
        memory[buffered++] = value;
    }

    /** Whether some values are in the temporary file (for tests of the spill path). */
    public boolean spilled() {
        return file != null;
    }

    private void spill() throws IOException {
        if (file == null) {
            file = new SpillFile();
        }
        file.append(memory, buffered);
        buffered = 0;
    }

    @Override
    public void forEachBlock(BlockConsumer consumer) throws IOException {
        if (file != null) {
            file.read(0, file.size(), consumer);
        }
        if (buffered > 0) {
            consumer.accept(memory, buffered);
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
