package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same input and options give byte-identical figures in two separate charton runs. */
class ReproducibleIT {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"png", "svg", "pdf"})
    void twoRunsGiveTheSameBytes(String format) {
        byte[] first = render("first." + format);
        byte[] second = render("second." + format);
        assertArrayEquals(first, second, format + " differs between runs");
    }

    private byte[] render(String name) {
        Path out = tmp.resolve(name);
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--renderer", "seaborn",
                "--x", "temp_min", "--y", "temp_max", "--color", "weather", "--title", "Reproducible",
                "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        return Figures.bytes(out);
    }
}
