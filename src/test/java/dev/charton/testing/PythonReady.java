package dev.charton.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On a fresh machine the first charton run builds its managed Python environment and says so on
 * stderr. Tests that count stderr lines must not be that first run, so the suite makes one plot
 * first, once per test JVM, and fails loudly if even that does not work.
 */
final class PythonReady {
    private static boolean ready;

    private PythonReady() {
    }

    static synchronized void ensure() {
        if (ready) {
            return;
        }
        try {
            Path out = Files.createTempFile("charton-warmup", ".png");
            Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date",
                    "--y", "temp_max", "-o", out.toString()).timeout(900).execute();
            Files.deleteIfExists(out);
            if (r.exitCode() != 0) {
                throw new AssertionError("charton could not set up Python for the tests: " + r);
            }
            ready = true;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
