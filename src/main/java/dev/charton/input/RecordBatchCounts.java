package dev.charton.input;

import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Refuses a record batch (a table's, or a dictionary's) that declares a negative number of rows or
 * values before Arrow loads it: Arrow sizes its vectors from them, and only its assertions (off in
 * charton) would stop it.
 */
final class RecordBatchCounts {
    private RecordBatchCounts() {
    }

    /** Throws an IllegalArgumentException naming the negative count; the reader reports it as corrupt. */
    static void check(ArrowRecordBatch batch) {
        check(batch, "a record batch");
    }

    static void check(ArrowDictionaryBatch batch) {
        check(batch.getDictionary(), "the dictionary batch of id " + batch.getDictionaryId());
    }

    private static void check(ArrowRecordBatch batch, String what) {
        if (batch.getLength() < 0) {
            throw new IllegalArgumentException(what + " declares " + batch.getLength() + " rows");
        }
        for (ArrowFieldNode node : batch.getNodes()) {
            if (node.getLength() < 0) {
                throw new IllegalArgumentException("a column of " + what + " declares " + node.getLength() + " values");
            }
        }
    }
}
