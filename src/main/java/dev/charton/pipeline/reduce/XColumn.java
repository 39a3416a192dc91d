package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A continuous x: the --x column (a number or time, read as a double for placing rows), or without
 * --x the row number. Rows that are kept get their exact value copied into the output.
 */
final class XColumn {
    private final String name;
    private final Field outputField;
    private FieldVector vector;
    private NumberView view;
    private long firstRow;

    XColumn(String name, Schema schema) {
        this.name = name;
        Field input = name == null ? null : schema.findField(name);
        this.outputField = input == null
                ? new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)
                : new Field("x", new FieldType(true, input.getType(), null, input.getMetadata()), input.getChildren());
    }

    /** Whether {@code name} can be an x read as positions: none (the row number), a number or a time. */
    static boolean continuous(String name, Schema schema) {
        return name == null || ValueKind.of(schema.findField(name)).continuous();
    }

    /** Reads the next batch, whose first row is the {@code firstRow}-th of the table. */
    void bind(VectorSchemaRoot batch, long firstRow) {
        this.firstRow = firstRow;
        if (name != null) {
            vector = batch.getVector(name);
            view = NumberView.of(vector);
        }
    }

    boolean isNull(int row) {
        return view != null && view.isNull(row);
    }

    double value(int row) {
        return view == null ? firstRow + row : view.get(row);
    }

    /** The row's x as a long that orders exactly (see {@link NumberView#key}). */
    long key(int row) {
        return view == null ? firstRow + row : view.key(row);
    }

    /** The row's number in the table. */
    long rowNumber(int row) {
        return firstRow + row;
    }

    /** A vector of the output's x type, for kept values. */
    FieldVector newVector(org.apache.arrow.memory.BufferAllocator allocator) {
        return outputField.createVector(allocator);
    }

    /** Copies a row's exact x into {@code target} at {@code index}. */
    void copy(int row, FieldVector target, int index) {
        if (view == null) {
            ((BigIntVector) target).setSafe(index, firstRow + row);
        } else {
            target.copyFromSafe(row, index, vector);
        }
    }
}
