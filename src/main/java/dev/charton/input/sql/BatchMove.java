package dev.charton.input.sql;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Moves a batch's buffers (no copy) into the root a reader hands out, whose schema is the same. */
final class BatchMove {
    private BatchMove() {
    }

    static void into(VectorSchemaRoot batch, VectorSchemaRoot root) {
        for (int i = 0; i < root.getFieldVectors().size(); i++) {
            batch.getVector(i).makeTransferPair(root.getVector(i)).transfer();
        }
        root.setRowCount(batch.getRowCount());
    }
}
