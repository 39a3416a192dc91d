package dev.charton.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes completions/ and man/ from the command model, and removes files there that are no longer
 * generated. Run by {@code mvn -B -Pregen-docs process-test-classes}; GeneratedDocsTest fails until
 * the result is committed.
 */
public final class RegenerateDocs {
    private RegenerateDocs() {
    }

    /** Argument: the repository directory. */
    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args[0]);
        Map<String, String> files = GeneratedDocs.generate(repo);
        for (String dir : GeneratedDocs.DIRECTORIES) {
            Files.createDirectories(repo.resolve(dir));
            try (Stream<Path> existing = Files.list(repo.resolve(dir))) {
                for (Path stale : existing.filter(p -> !files.containsKey(repo.relativize(p).toString())).toList()) {
                    Files.delete(stale);
                    System.out.println("removed " + repo.relativize(stale));
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(repo.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + file.getKey());
        }
    }
}
