package dev.charton.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PrestartScanTest {
    private static PrestartScan scan(String... args) {
        return PrestartScan.of(List.of(args));
    }

    @Test
    void aPlotCommandNamesItsInterpreterAndRenderer() {
        assertEquals(new PrestartScan(null, "matplotlib", null), scan("plot", "data.csv", "-o", "x.png"));
        assertEquals(new PrestartScan("/opt/py", "seaborn", null),
                scan("--verbose", "plot", "data.csv", "--python", "/opt/py", "-r", "seaborn"));
        assertEquals(new PrestartScan("py3", "plotly", null), scan("plot", "--python=py3", "--renderer=plotly", "d.csv"));
        assertEquals(new PrestartScan(null, "altair", null), scan("plot", "d.csv", "-raltair"));
        assertEquals(new PrestartScan(null, "script", null), scan("plot", "d.csv", "--script", "p.py"));
        assertEquals(new PrestartScan(null, "matplotlib", "512M"), scan("plot", "d.csv", "--memory-limit", "512M"));
        assertEquals(new PrestartScan("py", "seaborn", "2G"),
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
        assertNull(scan("plot", "d.csv", "--width", "100000"), "refused once parsed");
        assertNull(scan("plot", "d.csv", "--dpi=5000"));
        assertEquals(new PrestartScan(null, "matplotlib", null), scan("plot", "d.csv", "--width", "8000", "--height=600"));
    }

    @Test
    void argumentsAfterADoubleDashAreData() {
        assertEquals(new PrestartScan(null, "matplotlib", null), scan("plot", "--", "--python", "x"));
    }
}
