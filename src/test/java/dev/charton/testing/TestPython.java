package dev.charton.testing;

import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Python the tests use, found the way charton finds it (PythonSetup, which also sets up the
 * managed environment on a fresh machine), and optional packages the bridge's tests need beside
 * it, installed with pip into target/ so the shared environment is left as it is.
 */
public final class TestPython {
    private static Path interpreter;

    private TestPython() {
    }

    /** The interpreter charton uses for the matplotlib renderer. */
    public static synchronized Path interpreter() {
        if (interpreter == null) {
            try (PythonWorker worker = new PythonSetup(System.getenv(), System.err, null).startWorker("matplotlib")) {
                interpreter = worker.python();
            }
        }
        return interpreter;
    }

    /** The directory of the bridge's fault-injection renderers (for CHARTON_TEMPLATES). */
    public static Path faultRenderers() {
        return Repo.root().resolve("src/test/resources/fault-renderers");
    }

    /** The process environment plus {@code extra}. */
    public static Map<String, String> environment(String... extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** Packages some tests need that charton's environment does not install. */
    private static final List<String> EXTRAS = List.of("lz4", "zstandard");

    /**
     * A directory for PYTHONPATH holding the lz4 and zstandard codecs (compressed Arrow streams): pip installs them there once (target/python-extras). When
     * that fails, the test fails under CI and is skipped with a visible notice elsewhere.
     */
    public static synchronized Path extraPackages() {
        Path target = Repo.root().resolve("target/python-extras");
        Path ready = target.resolve(".charton-ready");
        if (Files.exists(ready)) {
            return target;
        }
        String failure;
        try {
            Files.createDirectories(target);
            List<String> command = new java.util.ArrayList<>(List.of(interpreter().toString(), "-m", "pip", "install",
                    "--retries", "0", "--disable-pip-version-check", "-q", "--target", target.toString()));
            command.addAll(EXTRAS);
            Process pip = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (pip.waitFor(300, TimeUnit.SECONDS) && pip.exitValue() == 0) {
                Files.writeString(ready, String.join("\n", EXTRAS) + "\n");
                return target;
            }
            failure = "pip could not install " + EXTRAS + ": " + output;
        } catch (IOException e) {
            failure = "pip could not install " + EXTRAS + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while installing " + EXTRAS;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(failure + "; under CI they are required");
        }
        System.err.println("NOTICE: skipping: " + failure);
        Assumptions.abort(failure);
        return target;
    }

    /** Whether a process is still running (a zombie counts as gone). */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            List<String> stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.isEmpty() && stat.get(0).replaceFirst("^.*\\) ", "").startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }
}
