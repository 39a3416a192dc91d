package dev.charton.testing;

import java.nio.file.Files;
import java.nio.file.Path;

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

    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }
}
