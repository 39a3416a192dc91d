package dev.charton.cli;

import dev.charton.bridge.PythonSetup;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Which Python to use and how long it may take. */
final class PythonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton's managed environment, python3 on PATH).")
    String python;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop Python when a render takes longer (default: ${DEFAULT-VALUE}; 0 for no limit).")
    double timeoutSeconds;

    PythonSetup setup() {
        return setup(System.getenv());
    }

    /** A setup whose Python processes see {@code environment} (for instance with CHARTON_TEMPLATES set). */
    PythonSetup setup(java.util.Map<String, String> environment) {
        return new PythonSetup(environment, System.err, python);
    }

    Duration timeout() {
        return timeoutSeconds <= 0 ? null : Duration.ofMillis((long) (timeoutSeconds * 1000));
    }
}
