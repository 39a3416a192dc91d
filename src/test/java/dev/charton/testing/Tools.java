package dev.charton.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs (shells, man) from tests. A missing program fails the test under CI
 * (.ci/run installs them) and skips it with a visible notice elsewhere.
 */
public final class Tools {
    private Tools() {
    }

    public static void require(String program) {
        if (program.contains(File.separator)) {
            return;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        String message = program + " is not installed (apt-get install " + program + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; under CI it is required");
        }
        System.err.println("NOTICE: skipping: " + message);
        Assumptions.abort(message);
    }

    /** What a finished program printed. */
    public record Output(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code command} in the repository with extra environment variables; fails the test after 60 s. */
    public static Output run(List<String> command, Map<String, String> env) {
        require(command.get(0));
        try {
            Path out = Files.createTempFile("charton-tool", ".out");
            Path err = Files.createTempFile("charton-tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
                }
                return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
