package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.util.Arrays;

/**
 * The distinct values of a text or binary key column, found by hashing their bytes where they lie:
 * no object per row (a map of Java strings would make one, and that is most of a group-by's time).
 * Each distinct value is stored once in {@code store}, under its id.
 */
final class ByteKeys {
    private int[] table = new int[64];  // id + 1 per slot, 0 when empty; linear probing
    private int[] hashes = new int[32];
    private int size;

    /** The id of the row's value; a value not seen before is copied into {@code store} under a new id. */
    int id(BaseVariableWidthVector vector, int row, BaseVariableWidthVector store) {
        ArrowBuf data = vector.getDataBuffer();
        long start = vector.getStartOffset(row);
        long end = vector.getEndOffset(row);
        int hash = ByteFunctionHelpers.hash(data, start, end);
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return add(vector, row, store, hash, slot);
            }
            int id = entry - 1;
            if (hashes[id] == hash && ByteFunctionHelpers.equal(data, start, end, store.getDataBuffer(),
                    store.getStartOffset(id), store.getEndOffset(id)) == 1) {
                return id;
            }
        }
    }

    private int add(BaseVariableWidthVector vector, int row, BaseVariableWidthVector store, int hash, int slot) {
        int id = size++;
        store.copyFromSafe(row, id, vector);
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        hashes[id] = hash;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    int size() {
        return size;
    }
}
