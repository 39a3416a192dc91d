package dev.charton.pipeline.stats;

import java.io.IOException;

/** Finite doubles that can be read again, block by block, as often as a statistic needs. */
public interface DoubleSource {
    long count();

    /** The least value; +Infinity when there is none. */
    double min();

    /** The greatest value; -Infinity when there is none. */
    double max();

    /** Hands every value to {@code consumer}, in blocks whose array is reused between calls. */
    void forEachBlock(BlockConsumer consumer) throws IOException;

    @FunctionalInterface
    interface BlockConsumer {
        /** The values are {@code values[0..length)}. */
        void accept(double[] values, int length);
    }
}
