package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct texts of a column in order of first appearance, while they stay few: the column's
 * dictionary. A text's index never changes, so batches written before the last value was seen stay
 * valid. Past the limits no new text is added (memory stays bounded whatever the input); the texts
 * already indexed are kept, to decode batches written while the column was still dictionary-encoded.
 */
final class DistinctValues {
    static final int MAX_VALUES = 1000;
    static final int MAX_CHARS = 64 * 1024;

    private final List<String> ordered = new ArrayList<>();
    /**
     * An open-addressing table of the texts and their positions. Not a HashMap: {@link String#hashCode}
     * stores the hash in the string, and a cell's string was made on another core (the one that cut
     * it), so that store costs more than hashing it here without one.
     */
    private String[] keys = new String[16];
    private int[] positions = new int[16];
    private int chars;
    private boolean overflowed;

    /** Adds {@code text} if new; returns its position, or -1 once the values are too many. */
    int add(String text) {
        if (overflowed) {
            return -1;
        }
        int slot = slot(text);
        if (keys[slot] != null) {
            return positions[slot];
        }
        if (ordered.size() == MAX_VALUES || chars + text.length() > MAX_CHARS) {
            overflowed = true;
            return -1;
        }
        int position = ordered.size();
        keys[slot] = text;
        positions[slot] = position;
        ordered.add(text);
        chars += text.length();
        if (ordered.size() * 2 > keys.length) {
            grow();
        }
        return position;
    }

    /** The slot holding {@code text}, or the empty one where it would go. */
    private int slot(String text) {
        int h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        int mask = keys.length - 1;
        int slot = (h ^ h >>> 16) & mask;
        while (keys[slot] != null && !keys[slot].equals(text)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldPositions = positions;
        keys = new String[oldKeys.length * 2];
        positions = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                positions[slot] = oldPositions[i];
            }
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    int count() {
        return ordered.size();
    }

    /** The position of {@code text} in the dictionary, or -1. */
    int indexOf(String text) {
        int slot = slot(text);
        return keys[slot] == null ? -1 : positions[slot];
    }

    String get(int i) {
        return ordered.get(i);
    }

    /** Whether a dictionary pays off: few distinct values, each used twice or more on average. */
    boolean suitsDictionary(long nonNullValues) {
        return !overflowed && !ordered.isEmpty() && ordered.size() * 2L <= nonNullValues;
    }
}
