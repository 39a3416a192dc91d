package dev.charton.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared conformance corpora (../shared/corpora, or CHARTON_TEST_CORPORA). Under CI a missing
 * corpus fails the test; elsewhere the test is skipped with a visible notice.
 */
public final class Corpora {
    private Corpora() {
    }

    public static Path root() {
        String fromEnv = System.getenv("CHARTON_TEST_CORPORA");
        String fromProperty = System.getProperty("charton.corpora");
        Path root = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : fromProperty != null ? Path.of(fromProperty)
                : Repo.root().resolve("../shared/corpora");
        return root.toAbsolutePath().normalize();
    }

    /** The corpus directory {@code relative}, or a failed (CI) / skipped (elsewhere) test when it is missing. */
    public static Path require(String relative) {
        Path dir = root().resolve(relative);
        if (Files.exists(dir)) {
            return dir;
        }
        String message = "conformance corpus not found at " + dir + " (set CHARTON_TEST_CORPORA)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; under CI the corpora are required");
        }
        System.err.println("NOTICE: skipping: " + message);
        Assumptions.abort(message);
        return dir;
    }
}
