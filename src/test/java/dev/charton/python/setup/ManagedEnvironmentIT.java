package dev.charton.python.setup;

import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * First use on a machine whose Python has no plotting packages: charton builds its own environment
 * (or, with CHARTON_NO_SETUP=1, says what to install). A bare virtual environment stands in for
 * such a Python, so the test does not depend on what the machine happens to have installed.
 */
class ManagedEnvironmentIT {
    @TempDir
    static Path tmp;
    static String barePath;

    @BeforeAll
    static void makeABarePython() throws IOException, InterruptedException {
        Path bare = tmp.resolve("bare");
        Process p = new ProcessBuilder("python3", "-m", "venv", "--without-pip", bare.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        barePath = bare.resolve("bin") + ":/usr/bin:/bin";
    }

    private Charton plotWith(Path dataHome, Path out) {
        return Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                        "-o", out.toString())
                .env("PATH", barePath)
                .env("XDG_DATA_HOME", dataHome.toString())
                .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
                .unsetEnv("VIRTUAL_ENV")
                .unsetEnv("CHARTON_PYTHON")
                .timeout(900);
    }

    @Test
    void firstUseBuildsTheManagedEnvironmentAndRenders() {
        Path dataHome = tmp.resolve("data-setup");
        Path out = tmp.resolve("first.png");
        Charton.Result r = plotWith(dataHome, out).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("setting up its Python environment in " + dataHome.resolve("charton/venv")),
                r::toString);
        assertTrue(Files.isExecutable(dataHome.resolve("charton/venv/bin/python")));
        assertEquals(800, Png.decode(out).getWidth());

        Path again = tmp.resolve("second.png");
        Charton.Result second = plotWith(dataHome, again).go();
        assertEquals(0, second.exitCode(), second::toString);
        assertFalse(second.stderr().contains("setting up"), "the environment is built once: " + second.stderr());
    }

    @Test
    void noSetupNamesTheMissingPackagesAndTheInstallCommand() {
        Path out = tmp.resolve("never.png");
        Charton.Result r = plotWith(tmp.resolve("data-nosetup"), out).env("CHARTON_NO_SETUP", "1").go();
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals(1, r.chartonLines().size(), r::toString);
        String line = r.chartonLines().get(0);
        assertTrue(line.contains("pandas") && line.contains("matplotlib") && line.contains("pip install"), line);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("data-nosetup/charton/venv")));
    }
}
