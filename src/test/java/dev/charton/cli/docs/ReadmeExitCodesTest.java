package dev.charton.cli.docs;

import dev.charton.error.ExitCode;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** README's table of exit codes says what the ExitCode enum (and so every --help) says. */
class ReadmeExitCodesTest {
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+) \\|$", Pattern.MULTILINE);

    @Test
    void readmeListsEveryExitCodeWithItsMeaning() throws IOException {
        String readme = Files.readString(Repo.root().resolve("README.md"));
        int start = readme.indexOf("\n## Exit codes\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<Integer, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            documented.put(Integer.parseInt(row.group(1)), row.group(2).replace("`", "").replace("\\|", "|"));
        }
        Map<Integer, String> defined = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            defined.put(code.code(), code.meaning());
        }
        assertEquals(defined, documented);
    }
}
