package dev.charton.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Paths of the repository under test. */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        String home = System.getProperty("charton.home");
        Path start = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("charton"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the charton repository above " + start);
    }

    public static Path launcher() {
        return root().resolve("charton");
    }

    /**
     * The command that runs the launcher with {@code args}, with SIGINT's default action restored: a
     * test run started in the background (a shell's {@code cmd &}) hands SIGINT down ignored, and
     * charton, like any program, leaves an ignored signal ignored, so Ctrl-C tests would test nothing.
     */
    public static List<String> launcherCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", launcher().toString()));
        command.addAll(args);
        return command;
    }

    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }
}
