package dev.charton.input.parquet;

import org.apache.arrow.vector.complex.ListVector;

/** Tracks the list being filled: where it starts in the child vector and how many elements it has. */
final class ListCursor {
    private final ListVector vector;
    private int index;
    private int start;
    private int count;

    ListCursor(ListVector vector) {
        this.vector = vector;
    }

    void begin(int listIndex) {
        index = listIndex;
        start = vector.startNewValue(listIndex);
        count = 0;
    }

    /** The child-vector index of the next element. */
    int nextElement() {
        return start + count++;
    }

    void end() {
        vector.endValue(index, count);
    }
}
