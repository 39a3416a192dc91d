package dev.charton.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

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
        Optional<Path> dir = optional(relative);
        if (dir.isEmpty()) {
            Assumptions.abort(missing(relative));
        }
        return dir.get();
    }

    /**
     * The corpus directory {@code relative}, or empty with a notice on stderr when it is missing (a
     * failed test under CI), for tests that still have work to do without it.
     */
    public static Optional<Path> optional(String relative) {
        Path dir = root().resolve(relative);
        if (Files.exists(dir)) {
            return Optional.of(dir);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing(relative) + "; under CI the corpora are required");
        }
        System.err.println("NOTICE: skipping: " + missing(relative));
        return Optional.empty();
    }

    /** True when the corpus directory {@code relative} is there. */
    public static boolean present(String relative) {
        return Files.exists(root().resolve(relative));
    }

    /**
     * What a {@code @TestFactory} over a missing corpus returns: one test, skipped with the reason
     * (failed under CI), so that the report shows it (an aborted factory counts as no test at all).
     */
    public static Stream<DynamicTest> skippedTest(String relative) {
        return Stream.of(DynamicTest.dynamicTest("needs the corpus " + relative, () -> require(relative)));
    }

    private static String missing(String relative) {
        return "conformance corpus not found at " + root().resolve(relative) + " (set CHARTON_TEST_CORPORA)";
    }
}
