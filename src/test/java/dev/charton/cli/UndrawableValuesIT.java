package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Values a chart cannot draw, through the real launcher: each chart says how many it left out and
 * why in one warning line (whether Java reduced the rows or Python got them all), --quiet silences
 * it, and a column with no value to draw is refused without a figure.
 */
class UndrawableValuesIT {
    private static final int DATA = 65;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "--reduce {0}")
    @ValueSource(strings = {"auto", "none"})
    void valuesLeftOutOfALogAxisAreCountedInOneWarning(String reduce) throws IOException {
        Files.writeString(tmp.resolve("t.csv"), "x,y\n1,5\n2,-1\n3,0\n4,\n5,7\n6,8\n");
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--kind", "line", "--log-y",
                "--reduce", reduce, "-o", "t.png").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("charton: warning: t.csv: 3 of 6 values not drawn: 2 with y <= 0 on the log y axis,"
                + " 1 with a null y"), r.stderr().lines().toList());
        assertEquals(800, Png.decode(tmp.resolve("t.png")).getWidth());

        Charton.Result quiet = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--log-y", "--quiet",
                "--reduce", reduce, "-o", "q.png").in(tmp).go();
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.stderr());
    }

    @ParameterizedTest(name = "--reduce {0}")
    @ValueSource(strings = {"auto", "none"})
    void nullsAreCountedOnAxesWithoutLimits(String reduce) throws IOException {
        // Float and integer y, each with one null; then an x with a null too.
        Files.writeString(tmp.resolve("t.csv"), "x,y,n\n1,5.5,5\n2,,6\n3,7.5,\n4,8.5,9\n");
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--y", "n", "--kind", "line",
                "--reduce", reduce, "-o", "t.png").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("charton: warning: t.csv: 2 of 8 values not drawn: 2 with a null y"),
                r.stderr().lines().toList());

        Files.writeString(tmp.resolve("u.csv"), "x,y\n1,5.5\n,6.5\n3,\n4,8.5\n");
        Charton.Result u = Charton.run("plot", "u.csv", "--x", "x", "--y", "y", "--kind", "line",
                "--reduce", reduce, "-o", "u.png").in(tmp).go();
        assertEquals(0, u.exitCode(), u.toString());
        assertEquals(List.of("charton: warning: u.csv: 2 of 4 values not drawn: 1 with a null x, 1 with a null y"),
                u.stderr().lines().toList());
    }

    @Test
    void valuesOutsideTheAxisLimitsAreCounted() throws IOException {
        Files.writeString(tmp.resolve("t.csv"), "d,y\n2025-01-01,5\n2025-02-01,50\n2025-03-01,7\n2025-04-01,8\n");
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "d", "--y", "y", "--xlim", "2025-01-15,2025-04-01",
                "--ylim", "0,10", "-o", "t.png").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("charton: warning: t.csv: 2 of 4 values not drawn: 1 with x outside --xlim,"
                + " 1 with y outside --ylim"), r.stderr().lines().toList());
    }

    @Test
    void aBatchNamesTheChartItWarnsAbout() throws IOException {
        Files.writeString(tmp.resolve("t.csv"), "x,y\n1,5\n2,-1\n3,7\n");
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets: {t: t.csv}
                charts:
                  logged: {dataset: t, x: x, y: y, log-y: true, output: logged.png}
                """);
        Charton.Result r = Charton.run("batch", "report.yaml").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        // A batch names a dataset by the path its spec resolves.
        assertEquals(List.of("charton: warning: chart 'logged': " + tmp.resolve("t.csv") + ": 1 of 3 values not drawn:"
                + " 1 with y <= 0 on the log y axis"), r.stderr().lines().filter(l -> l.startsWith("charton:")).toList());
        Charton.Result quiet = Charton.run("batch", "report.yaml", "--quiet").in(tmp).go();
        assertEquals(List.of(), quiet.stderr().lines().filter(l -> l.startsWith("charton:")).toList());
    }

    @Test
    void aChartThatDrawsEveryValueSaysNothing() throws IOException {
        Files.writeString(tmp.resolve("t.csv"), "x,y\n1,5\n2,6\n");
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--log-y", "-o", "t.png").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void aColumnWithNoValueToDrawIsRefused() throws IOException {
        Files.writeString(tmp.resolve("t.csv"), "x,y,z\n1,,-1\n2,,0\n");
        Charton.Result nulls = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "-o", "n.png").in(tmp).go();
        assertEquals(DATA, nulls.exitCode(), nulls.toString());
        assertEquals(List.of("charton: --y: t.csv: column 'y' has no value to draw (every value is null)"),
                nulls.stderr().lines().toList());
        assertFalse(Files.exists(tmp.resolve("n.png")));

        Charton.Result log = Charton.run("plot", "t.csv", "--x", "x", "--y", "z", "--log-y", "-o", "l.png").in(tmp).go();
        assertEquals(DATA, log.exitCode(), log.toString());
        assertEquals(List.of("charton: --y: t.csv: column 'z' has no value to draw (no value is drawable: 2 with"
                + " y <= 0 on the log y axis)"), log.stderr().lines().toList());
        assertFalse(Files.exists(tmp.resolve("l.png")));
    }
}
