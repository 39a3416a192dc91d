package dev.charton.options;

import dev.charton.python.setup.MemoryLimit;
import dev.charton.python.setup.PythonSetup;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/** Which Python to use, how long it may take and how much memory it may add. */
public final class PythonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton's managed environment, python3 on PATH).")
    String python;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop Python when a render takes longer (default: ${DEFAULT-VALUE}; 0 for no limit).")
    double timeoutSeconds;

    @Option(names = "--memory-limit", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Address space Python may add for one render, such as 512M or 2G (default: CHARTON_MEMORY_LIMIT,"
                    + " else none). Counted from what the worker has mapped when the render starts (Python with pandas,"
                    + " pyarrow and matplotlib loaded: about 470M); more is a MemoryError, exit 70. Linux only.")
    Long memoryLimit;

    public PythonSetup setup() {
        return setup(System.getenv());
    }

    /** A setup whose Python processes see {@code environment} (for instance with CHARTON_TEMPLATES set). */
    public PythonSetup setup(Map<String, String> environment) {
        return new PythonSetup(workerEnvironment(environment), System.err, python);
    }

    /** {@code environment} as Python workers get it: with the memory limit, if there is one. */
    public Map<String, String> workerEnvironment(Map<String, String> environment) {
        return MemoryLimit.workerEnvironment(environment, memoryLimit);
    }

    /** The interpreter named by --python, or null. */
    public String interpreter() {
        return python;
    }

    public Duration timeout() {
        return timeoutSeconds <= 0 ? null : Duration.ofMillis((long) (timeoutSeconds * 1000));
    }

    /** Reads SIZE values; a bad one is a usage error naming the option. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return MemoryLimit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
