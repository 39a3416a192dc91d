package dev.charton.input.parquet;

import org.apache.parquet.io.api.Converter;

/**
 * A Parquet converter that writes one Parquet field into one Arrow vector. Its parent tells it
 * where the next value goes with {@link #open(int)} before any of that value's data arrives, and
 * {@link #close()} once the parent value is complete.
 */
interface VectorConverter {

    /** The Parquet side of this converter, handed to Parquet's record assembly. */
    Converter asConverter();

    /** The parent value at which this field's next value (or null) belongs has started. */
    void open(int index);

    /** The parent value has ended; only repeated fields without a LIST group have work here. */
    default void close() {
    }
}
