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
        assertEquals(new WorkerPrestart.Scan(null, "matplotlib"), scan("plot", "data.csv", "-o", "x.png"));
        assertEquals(new WorkerPrestart.Scan("/opt/py", "seaborn"),
                scan("--verbose", "plot", "data.csv", "--python", "/opt/py", "-r", "seaborn"));
        assertEquals(new WorkerPrestart.Scan("py3", "plotly"), scan("plot", "--python=py3", "--renderer=plotly", "d.csv"));
        assertEquals(new WorkerPrestart.Scan(null, "altair"), scan("plot", "d.csv", "-raltair"));
        assertEquals(new WorkerPrestart.Scan(null, "script"), scan("plot", "d.csv", "--script", "p.py"));
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
        assertEquals(new WorkerPrestart.Scan(null, "matplotlib"), scan("plot", "--", "--python", "x"));
    }

    @Test
    void aWorkerIsClaimedOnlyByTheSameOptions() {
        assertNull(WorkerPrestart.claim(null, "matplotlib", System.getenv()), "nothing was started");
    }
}
