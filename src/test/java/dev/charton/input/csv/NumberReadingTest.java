package dev.charton.input.csv;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reading that says it leaves numbers as written ({@link NumberReading#leavesAsWritten}) does. */
class NumberReadingTest {
    private static final List<NumberReading> READINGS = new ArrayList<>(NumberReading.DETECTED);

    static {
        for (char group : new char[] {0, ' ', '\'', '_', '.', ',', '-', '+', 'e', 'i', '5'}) {
            READINGS.add(new NumberReading(group, '.'));
            READINGS.add(new NumberReading(group, ','));
        }
    }

    private static List<String> numbers() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "+7", "007", "-0.0", "1.5", ".5", "5.", "1e5", "1E-5",
                "-2.5e+10", "inf", "-Infinity", "NaN", "+nan", "\u0131nf", "9223372036854775807", "9223372036854775808",
                "-9223372036854775809", "1".repeat(38), "1".repeat(39), "1,234", "1.234,5", "12 345", "", "-", "e5"));
        Random random = new Random(5);
        String[] pieces = {"0", "1", "9", "-", "+", ".", "e", "E", ",", " ", "'", "_", "5"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void aReadingThatLeavesNumbersAsWrittenGivesBackEveryNumberItself() {
        int numbers = 0;
        int shortcuts = 0;
        for (String text : numbers()) {
            int kind = TextValues.numberKind(text);
            if (kind == TextValues.NOT_A_NUMBER) {
                continue;
            }
            numbers++;
            for (NumberReading reading : READINGS) {
                if (reading.leavesAsWritten(kind)) {
                    shortcuts++;
                    assertSame(text, reading.plain(text), reading + " of '" + text + "'");
                }
            }
        }
        assertTrue(numbers > 1000 && shortcuts > numbers, numbers + " numbers, " + shortcuts + " shortcuts");
    }

    @Test
    void theDetectedReadingsLeaveIntegersAsWrittenAndFloatsAsTheyMayContainAPoint() {
        NumberReading comma = NumberReading.DETECTED.get(1);
        NumberReading decimalComma = NumberReading.DETECTED.get(2);
        assertTrue(NumberReading.PLAIN.leavesAsWritten(TextValues.FLOAT));
        assertTrue(comma.leavesAsWritten(TextValues.INT64));
        assertTrue(comma.leavesAsWritten(TextValues.FLOAT));
        assertTrue(decimalComma.leavesAsWritten(TextValues.BIG_INTEGER));
        assertFalse(decimalComma.leavesAsWritten(TextValues.FLOAT), "a point is its thousands separator");
        assertEquals("1234.5", decimalComma.plain("1.234,5"));
    }
}
