package dev.charton.cli.docs;

import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** The committed completions and man pages are exactly what the current command model generates. */
class GeneratedDocsTest {

    @Test
    void committedFilesMatchAFreshGeneration() throws IOException {
        Path repo = Repo.root();
        Map<String, String> fresh = GeneratedDocs.generate(repo);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : fresh.entrySet()) {
            Path committed = repo.resolve(file.getKey());
            if (!Files.exists(committed)) {
                problems.add(file.getKey() + " is missing");
            } else if (!Files.readString(committed, StandardCharsets.UTF_8).equals(file.getValue())) {
                problems.add(file.getKey() + " differs from what the command model generates");
            }
        }
        for (String dir : GeneratedDocs.DIRECTORIES) {
            try (Stream<Path> files = Files.list(repo.resolve(dir))) {
                files.map(p -> repo.relativize(p).toString()).filter(p -> !fresh.containsKey(p))
                        .forEach(p -> problems.add(p + " is no longer generated"));
            }
        }
        if (!problems.isEmpty()) {
            fail("completions/ and man/ are out of date with the commands: " + String.join("; ", problems)
                    + ". Regenerate them with `" + GeneratedDocs.REGENERATE + "` and commit the result.");
        }
    }
}
