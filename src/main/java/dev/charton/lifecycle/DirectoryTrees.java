package dev.charton.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directories charton made for a while (a staging copy, a scratch directory). */
public final class DirectoryTrees {
    private DirectoryTrees() {
    }

    /**
     * Deletes {@code dir} and everything in it, as far as it can: what is left (a file another
     * process holds, a directory already gone) is not worth failing for. Null: nothing to delete.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left behind in a cache or temporary directory, where it does no harm.
        }
    }
}
