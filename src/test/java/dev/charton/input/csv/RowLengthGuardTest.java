package dev.charton.input.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One row may take only so many characters; each row delivered starts the count again. */
class RowLengthGuardTest {
    @Test
    void aRowOverTheLimitFailsWhileShorterRowsPass() throws IOException {
        RowLengthGuard guard = new RowLengthGuard(new StringReader("x".repeat(40)), 10);
        char[] buffer = new char[8];
        assertEquals(8, guard.read(buffer, 0, 8));
        guard.rowDelivered();
        assertEquals(8, guard.read(buffer, 0, 8));
        assertEquals('x', guard.read(), "9 characters since the last row: still within 10");
        guard.rowDelivered();
        assertEquals(8, guard.read(buffer, 0, 8));
        assertThrows(RowLengthGuard.RowTooLong.class, () -> guard.read(buffer, 0, 8));
    }
}
