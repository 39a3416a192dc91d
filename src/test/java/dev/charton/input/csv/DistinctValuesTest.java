package dev.charton.input.csv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dictionary's own hash table: positions in order of first appearance, kept as it grows. */
class DistinctValuesTest {
    @Test
    void positionsFollowFirstAppearanceAndNeverChange() {
        DistinctValues values = new DistinctValues();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < DistinctValues.MAX_VALUES; i++) {
                // Equal texts as different strings, as every cell is: found by content.
                assertEquals(i, values.add(new String("v" + i)), "round " + round + ", value " + i);
            }
        }
        assertEquals(DistinctValues.MAX_VALUES, values.count());
        for (int i = 0; i < DistinctValues.MAX_VALUES; i++) {
            assertEquals(i, values.indexOf("v" + i));
            assertEquals("v" + i, values.get(i));
        }
        assertEquals(-1, values.indexOf("v" + DistinctValues.MAX_VALUES));
        assertFalse(values.overflowed());
    }

    @Test
    void textsWithTheSameHashAreTold() {
        DistinctValues values = new DistinctValues();
        // "Aa" and "BB" have the same String hash, and so the same slot here.
        assertEquals(0, values.add("Aa"));
        assertEquals(1, values.add("BB"));
        assertEquals(2, values.add("AaBB"));
        assertEquals(3, values.add("BBAa"));
        assertEquals(4, values.add(""));
        assertEquals(1, values.add("BB"));
        assertEquals(3, values.indexOf("BBAa"));
        assertEquals(4, values.indexOf(""));
        assertEquals(-1, values.indexOf("AaAa"));
    }

    @Test
    void tooManyValuesOrTooMuchTextStopTheDictionary() {
        DistinctValues many = new DistinctValues();
        for (int i = 0; i < DistinctValues.MAX_VALUES; i++) {
            many.add(Integer.toString(i));
        }
        assertEquals(-1, many.add("one more"));
        assertTrue(many.overflowed());
        assertEquals(-1, many.add("0"), "once stopped, nothing is looked up");
        assertEquals(7, many.indexOf("7"), "the texts indexed before are kept, to decode earlier batches");

        DistinctValues wordy = new DistinctValues();
        assertEquals(0, wordy.add("x".repeat(DistinctValues.MAX_CHARS - 1)));
        assertEquals(-1, wordy.add("yz"));
        assertTrue(wordy.overflowed());
    }
}
