package dev.charton.input.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Writes the values of one Parquet leaf column into an Arrow vector, at the index its parent set.
 * Nothing is written for a null: the vectors are zeroed between batches, so an unset slot is null.
 */
abstract class PrimitiveSink extends PrimitiveConverter implements VectorConverter {
    protected int index;

    @Override
    public Converter asConverter() {
        return this;
    }

    @Override
    public void open(int index) {
        this.index = index;
    }
}
