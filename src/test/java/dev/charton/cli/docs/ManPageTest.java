package dev.charton.cli.docs;

import dev.charton.error.ExitCode;
import dev.charton.testing.Tools;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed man pages, as `man` shows them. */
class ManPageTest {
    private static final List<String> ENVIRONMENT = List.of("CHARTON_PYTHON", "CHARTON_NO_SETUP",
            "CHARTON_TEMPLATES", "CHARTON_MEMORY_LIMIT", "TMPDIR", "VIRTUAL_ENV", "XDG_DATA_HOME", "XDG_CACHE_HOME",
            "XDG_STATE_HOME", "PIP_RETRIES", "CHARTON_NO_BUILD", "CHARTON_JAVA_OPTS");
    private static final List<String> FILES = List.of("~/.local/share/charton/venv", "~/.cache/charton/python/",
            "~/.local/state/charton/history");

    @Test
    void chartonPageHasEverySection() {
        String page = man("man/charton.1");
        for (String heading : List.of("NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "EXIT CODES", "ENVIRONMENT", "FILES",
                "EXAMPLES", "SEE ALSO")) {
            section(page, heading);
        }
        assertTrue(page.contains("--version"), page);
        assertTrue(page.contains("charton plot weather.csv --x date --y temp_max -o weather.png"), page);
        String environment = section(page, "ENVIRONMENT");
        ENVIRONMENT.forEach(name -> assertTrue(environment.contains(name), name + " in ENVIRONMENT:\n" + environment));
        String files = section(page, "FILES");
        FILES.forEach(file -> assertTrue(files.contains(file), file + " in FILES:\n" + files));
    }

    @Test
    void everyPageListsEveryExitCode() {
        for (String page : List.of("man/charton.1", "man/charton-plot.1")) {
            String codes = section(man(page), "EXIT CODES");
            for (ExitCode code : ExitCode.values()) {
                assertTrue(codes.contains("  " + code.code() + "\n") && codes.contains(code.meaning()),
                        page + " lacks exit code " + code.code() + ":\n" + codes);
            }
        }
    }

    @Test
    void plotPageShowsItsOptionsAndExamples() {
        String page = man("man/charton-plot.1");
        for (String option : List.of("-o, --output=FILE", "-r, --renderer=NAME", "--title=TEXT", "--python=PATH")) {
            assertTrue(page.contains(option), option + " in\n" + page);
        }
        assertTrue(section(page, "EXAMPLES").contains("cat weather.csv | charton plot - --x date"), page);
    }

    /** The page as man renders it, wide enough that lines do not wrap; headings start at column 0. */
    private static String man(String file) {
        Tools.Output out = Tools.run(List.of("man", "-l", file), Map.of("MANWIDTH", "250", "MANPAGER", "cat",
                "PAGER", "cat"));
        assertEquals(0, out.exitCode(), out.stderr());
        return out.stdout().replaceAll("(?m)^[ \\t]+", "  ").replaceAll("(?m)(\\S)[ \\t]+", "$1 ");
    }

    /** From a heading to the next one. */
    private static String section(String page, String heading) {
        Matcher m = Pattern.compile("(?ms)^" + Pattern.quote(heading) + "$(.*?)(?=^[A-Z][A-Z ]*$|\\z)").matcher(page);
        assertTrue(m.find(), "no section " + heading + " in\n" + page);
        return m.group(1);
    }
}
