package dev.charton.bridge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WorkerPrestartTest {
    private static WorkerPrestart.Scan scan(String... args) {
        return WorkerPrestart.Scan.of(List.of(args));
    }

    @Test
    void aPlotCommandNamesItsInterpreterAndRenderer() {
        assertEquals(new WorkerPrestart.Scan(null, "matplotlib", null), scan("plot", "data.csv", "-o", "x.png"));
        assertEquals(new WorkerPrestart.Scan("/opt/py", "seaborn", null),
                scan("--verbose", "plot", "data.csv", "--python", "/opt/py", "-r", "seaborn"));
        assertEquals(new WorkerPrestart.Scan("py3", "plotly", null), scan("plot", "--python=py3", "--renderer=plotly", "d.csv"));
        assertEquals(new WorkerPrestart.Scan(null, "altair", null), scan("plot", "d.csv", "-raltair"));
        assertEquals(new WorkerPrestart.Scan(null, "script", null), scan("plot", "d.csv", "--script", "p.py"));
        assertEquals(new WorkerPrestart.Scan(null, "matplotlib", "512M"), scan("plot", "d.csv", "--memory-limit", "512M"));
        assertEquals(new WorkerPrestart.Scan("py", "seaborn", "2G"),
                scan("plot", "--memory-limit=2G", "--python=py", "-r", "seaborn", "d.csv"));
    }

    @Test
    void otherCommandsAndHelpStartNothing() {
        assertNull(scan());
        assertNull(scan("doctor"));
        assertNull(scan("help", "plot"));
        assertNull(scan("plot", "--help"));
        assertNull(scan("plot", "d.csv", "-V"));
        assertNull(scan("plot", "d.csv", "-r"), "a renderer option without its value");
    }

    @Test
    void argumentsAfterADoubleDashAreData() {
        assertEquals(new WorkerPrestart.Scan(null, "matplotlib", null), scan("plot", "--", "--python", "x"));
    }

    @Test
    void aWorkerIsClaimedOnlyByTheSameOptions() {
        assertNull(WorkerPrestart.claim(null, "matplotlib", System.getenv()), "nothing was started");
    }
}
