package dev.charton.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Text from the command line and from the data (titles, labels, column names, --param values)
 * reaches Python as data: whatever it looks like (Python, a format string, shell, quotes, newlines,
 * unicode), the figure holds exactly that text and nothing of it runs. The figure is altair's
 * Vega-Lite JSON, which keeps every string exactly, so it can be compared character by character.
 */
class SecurityIT {
    private static final String SCRIPT = """
            import altair as alt
            chart = alt.Chart(df).mark_point().properties(title=params["value"], description=df.columns[1])
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
        "\"); import os; os.system('touch pwned') #",
        "{__import__('os').system('touch pwned')}",
        "__import__('os').system('touch pwned')",
        "${HOME} $(touch pwned) `touch pwned`",
        "%s %d %(name)s {0} {name!r}",
        "a \"double\" 'single' \\back\\\\slash\\n",
        "line one\nline two\r\nthree\tcolumns",
        "température ≥ 30 °C — 気温 🌡 \u202eevil\u202c",
        "key=value==more",
        "<script>alert(1)</script> &amp; ]]>",
    })
    void optionValuesAndColumnNamesReachTheFigureVerbatim(String text) throws IOException {
        Files.writeString(tmp.resolve("data.csv"), "x," + csvField(text) + "\n1,2\n2,4\n3,1\n");
        Files.writeString(tmp.resolve("script.py"), SCRIPT);

        JsonNode chart = render("plot", "data.csv", "-r", "altair", "--x", "x", "--y", text, "--title", text,
                "--xlabel", text, "-o", "grammar.json");
        assertEquals(text, chart.path("title").asText(), "--title");
        assertEquals(text, chart.path("encoding").path("x").path("title").asText(), "--xlabel");
        assertEquals(text, chart.path("encoding").path("y").path("title").asText(), "the column name, as the y label");

        JsonNode scripted = render("plot", "data.csv", "--script", "script.py", "--param", "value=" + text,
                "-o", "script.json");
        assertEquals(text, scripted.path("title").asText(), "--param value");
        assertEquals(text, scripted.path("description").asText(), "the column name in the script's df");

        assertEquals(List.of("data.csv", "grammar.json", "script.json", "script.py"), listing(), "nothing ran: no pwned file");
    }

    private JsonNode render(String... args) {
        Charton.Result r = Charton.run(args).in(tmp).go();
        assertEquals(0, r.exitCode(), r::toString);
        return Figures.json(Figures.bytes(tmp.resolve(args[args.length - 1])));
    }

    private List<String> listing() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String csvField(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
