package dev.charton.cli;

import dev.charton.pipeline.ChartSpec;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --width, --height and --dpi past their documented maxima are refused by Java, before any Python is needed. */
class FigureBoundsIT {
    @TempDir
    Path tmp;

    @Test
    void aSizePastTheMaximumIsAUsageErrorEvenWithoutAPython() {
        Path out = tmp.resolve("huge.png");
        // No Python at that path: the refusal comes first, so it cannot have come from Python.
        Charton.Result r = plot("--width", "100000", "--height", "100000", "--python", tmp.resolve("no-python").toString(),
                "-o", out.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals(List.of("charton: --width 100000 is more than the maximum of " + ChartSpec.MAX_WIDTH),
                r.stderr().lines().toList());
        assertFalse(Files.exists(out));
        r = plot("--height", "8001", "-o", out.toString());
        assertEquals(List.of("charton: --height 8001 is more than the maximum of 8000"), r.stderr().lines().toList());
        r = plot("--dpi", "5000", "-o", out.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals(List.of("charton: --dpi 5000 is more than the maximum of 1200"), r.stderr().lines().toList());
        assertFalse(Files.exists(out));
    }

    @Test
    void noPythonIsStartedForAFigurePastTheMaximum() throws IOException {
        Path ran = tmp.resolve("python-ran");
        Path python = tmp.resolve("python");
        Files.writeString(python, "#!/bin/sh\ntouch '" + ran + "'\nexec '" + TestPython.interpreter() + "' \"$@\"\n");
        assertTrue(python.toFile().setExecutable(true));
        Charton.Result refused = plot("--width", "100000", "--python", python.toString(), "-o", tmp.resolve("a.png").toString());
        assertEquals(64, refused.exitCode(), refused::toString);
        assertFalse(Files.exists(ran), "no Python was started, not even in the background");
        Charton.Result drawn = plot("--python", python.toString(), "-o", tmp.resolve("b.png").toString());
        assertEquals(0, drawn.exitCode(), drawn::toString);
        assertTrue(Files.exists(ran), "within the bounds, the same command runs that Python");
    }

    @Test
    void theMaximumItselfIsDrawn() {
        Path out = tmp.resolve("wide.png");
        Charton.Result r = plot("--width", "" + ChartSpec.MAX_WIDTH, "--height", "200", "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage image = Png.decode(out);
        assertEquals(ChartSpec.MAX_WIDTH, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void helpNamesTheMaxima() {
        String help = Charton.run("plot", "--help").go().stdoutText().replaceAll("\\s+", " "); // unwrapped
        assertTrue(help.contains("Figure width in pixels, at most 8000 (default: 800)"), help);
        assertTrue(help.contains("Figure height in pixels, at most 8000 (default: 600)"), help);
        assertTrue(help.contains("at most 1200 (default: 100)"), help);
    }

    @Test
    void aBatchChartPastTheMaximumIsASpecProblemWithItsLine() throws IOException {
        Files.copy(Repo.example("weather.csv"), tmp.resolve("weather.csv"));
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets:
                  weather: weather.csv
                charts:
                  poster:
                    x: date
                    y: temp_max
                    width: 20000
                    output: poster.png
                """);
        Charton.Result r = Charton.run("batch", "report.yaml").in(tmp).go();
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("report.yaml:7: chart 'poster': --width 20000 is more than the maximum of 8000"),
                r.stderr());
        assertFalse(Files.exists(tmp.resolve("poster.png")));
    }

    private static Charton.Result plot(String... options) {
        List<String> args = new ArrayList<>(List.of("plot", Repo.example("weather.csv").toString(),
                "--x", "date", "--y", "temp_max"));
        args.addAll(List.of(options));
        return Charton.run(args.toArray(String[]::new)).go();
    }
}
