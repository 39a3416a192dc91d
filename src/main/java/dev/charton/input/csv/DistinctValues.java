package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct texts of a column in order of first appearance, while they stay few: the column's
 * dictionary. A text's index never changes, so batches written before the last value was seen stay
 * valid. Past the limits no new text is added (memory stays bounded whatever the input); the texts
 * already indexed are kept, to decode batches written while the column was still dictionary-encoded.
 */
final class DistinctValues {
    static final int MAX_VALUES = 1000;
    static final int MAX_CHARS = 64 * 1024;

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ordered = new ArrayList<>();
    private int chars;
    private boolean overflowed;

    /** Adds {@code text} if new; returns its position, or -1 once the values are too many. */
    int add(String text) {
        if (overflowed) {
            return -1;
        }
        Integer known = index.get(text);
        if (known != null) {
            return known;
        }
        if (ordered.size() == MAX_VALUES || chars + text.length() > MAX_CHARS) {
            overflowed = true;
            return -1;
        }
        int position = ordered.size();
        index.put(text, position);
        ordered.add(text);
        chars += text.length();
        return position;
    }

    boolean overflowed() {
        return overflowed;
    }

    int count() {
        return ordered.size();
    }

    /** The position of {@code text} in the dictionary, or -1. */
    int indexOf(String text) {
        Integer i = index.get(text);
        return i == null ? -1 : i;
    }

    String get(int i) {
        return ordered.get(i);
    }

    /** Whether a dictionary pays off: few distinct values, each used twice or more on average. */
    boolean suitsDictionary(long nonNullValues) {
        return !overflowed && !ordered.isEmpty() && ordered.size() * 2L <= nonNullValues;
    }
}
