package dev.charton.python.setup;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * charton's own virtual environment under the user's data directory, created on first use with the
 * packages of python-templates/requirements.txt. Creation holds a file lock, so two charton
 * processes starting at once build it once.
 */
public final class ManagedEnvironment {
    private static final String READY_MARKER = ".charton-ready";

    private final Path root;
    private final Map<String, String> env;

    public ManagedEnvironment(UserDirectories dirs, Map<String, String> env) {
        this.root = dirs.data().resolve("venv");
        this.env = env;
    }

    public Path root() {
        return root;
    }

    public Path python() {
        return root.resolve("bin").resolve("python");
    }

    public boolean isReady() {
        return Files.isRegularFile(root.resolve(READY_MARKER)) && Files.isExecutable(python());
    }

    /** Ready, and set up from exactly this requirements file. */
    private boolean isReadyFor(Path requirements) throws IOException {
        return isReady() && Files.readString(root.resolve(READY_MARKER)).equals(Files.readString(requirements));
    }

    /** Creates the environment with {@code basePython} and installs the requirements, saying so on stderr. */
    public void create(Path basePython, Path requirements, PrintStream progress) {
        try {
            Files.createDirectories(root.getParent());
            try (FileChannel lockFile = FileChannel.open(root.resolveSibling("venv.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (isReadyFor(requirements)) {
                    return;
                }
                if (!Files.isExecutable(python())) {
                    deleteTree(root);
                    progress.println("charton: setting up its Python environment in " + root
                            + " (first use; this takes a minute)");
                    run(List.of(basePython.toString(), "-m", "venv", root.toString()), progress,
                            "could not create a virtual environment with " + basePython);
                }
                List<String> pip = new ArrayList<>(List.of(python().toString(), "-m", "pip", "install",
                        "--disable-pip-version-check", "-qq", "-r", requirements.toString()));
                progress.println("charton: installing " + String.join(", ", requirementNames(requirements)));
                run(pip, progress, "pip could not install the packages of " + requirements);
                Files.writeString(root.resolve(READY_MARKER), Files.readString(requirements));
                progress.println("charton: Python environment ready");
            }
        } catch (IOException e) {
            throw new ChartonException(ExitCode.UNAVAILABLE, "cannot set up the Python environment in " + root
                    + ": " + e.getMessage(), e);
        }
    }

    private void run(List<String> command, PrintStream progress, String failure) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        // An unreachable index would otherwise be retried for minutes before pip gives up.
        builder.environment().putIfAbsent("PIP_RETRIES", "0");
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(progress);
            if (process.waitFor() != 0) {
                throw new ChartonException(ExitCode.UNAVAILABLE, failure + " (exit " + process.exitValue()
                        + "); run with CHARTON_NO_SETUP=1 and install them yourself, or set --python");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ChartonException(ExitCode.INTERRUPTED, "interrupted while setting up Python");
        }
    }

    static List<String> requirementNames(Path requirements) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(requirements)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                names.add(trimmed);
            }
        }
        return names;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
