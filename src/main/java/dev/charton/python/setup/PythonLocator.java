package dev.charton.python.setup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the interpreters to try, in order: {@code --python}, {@code CHARTON_PYTHON}, an active
 * {@code VIRTUAL_ENV}, charton's managed environment, then {@code python3} on PATH.
 */
public final class PythonLocator {
    private final Map<String, String> env;
    private final ManagedEnvironment managed;

    public PythonLocator(Map<String, String> env, ManagedEnvironment managed) {
        this.env = env;
        this.managed = managed;
    }

    public List<PythonCandidate> candidates(String pythonOption) {
        List<PythonCandidate> list = new ArrayList<>();
        if (pythonOption != null) {
            list.add(new PythonCandidate(resolve(pythonOption), "--python", true));
            return list;
        }
        String fromEnv = env.get("CHARTON_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            list.add(new PythonCandidate(resolve(fromEnv), "CHARTON_PYTHON", true));
            return list;
        }
        String venv = env.get("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) {
            list.add(new PythonCandidate(Path.of(venv, "bin", "python"), "the active virtual environment (VIRTUAL_ENV)", false));
        }
        list.add(new PythonCandidate(managed.python(), "charton's managed environment", false));
        onPath("python3").ifPresent(p -> list.add(new PythonCandidate(p, "python3 on PATH", false)));
        return list;
    }

    /** python3 on PATH: the base interpreter for the managed environment. */
    public Optional<Path> systemPython() {
        return onPath("python3");
    }

    private Path resolve(String nameOrPath) {
        if (nameOrPath.contains(File.separator)) {
            return Path.of(nameOrPath);
        }
        return onPath(nameOrPath).orElse(Path.of(nameOrPath));
    }

    private Optional<Path> onPath(String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
