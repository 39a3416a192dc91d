package dev.charton.python.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;

class WorkerPrestartTest {
    @Test
    void nothingIsClaimedWhenNothingWasStarted() {
        assertNull(WorkerPrestart.claim(null, "matplotlib", System.getenv()));
    }
}
