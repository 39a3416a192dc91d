package dev.charton.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shell, fed commands on standard input: a plot without -o is in a format its renderer can write,
 * a wrong column is named before any format problem, a misspelt renderer gets a suggestion, and
 * {@code schema} prints what {@code charton schema} prints.
 */
class ShellFormatsIT {
    private static final Pattern FIGURE = Pattern.compile("figure: (\\S+)");
    /** The shell prints its errors among its output, after the prompt. */
    private static final Pattern ERROR = Pattern.compile("charton: .*");

    @Test
    void plotsWithoutOutputAreInAFormatTheRendererCanWrite() throws IOException {
        JsonNode renderers = new ObjectMapper().readTree(Charton.run("templates", "--json").go().stdout()).path("renderers");
        for (JsonNode renderer : renderers) {
            if (List.of("altair", "plotly").contains(renderer.path("name").asText())) {
                assumeTrue(renderer.path("unavailable_formats").has("png"),
                        "this Python has the PNG exporter of " + renderer.path("name").asText() + ": the shell draws PNG");
            }
        }
        Charton.Result r = shell("""
                renderer plotlyy
                renderer plotly
                plot --x nope --y wind -f png
                plot --x date --y wind
                renderer altair
                plot --x date --y wind
                plot --x date --y wind -r matplotlib
                quit
                """);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of(
                "charton: unknown renderer 'plotlyy'; did you mean 'plotly'? (available: matplotlib, seaborn, altair, plotly)",
                "charton: --x: " + Repo.example("weather.csv") + ": no column named 'nope'"
                        + " (available: date, temp_max, temp_min, precipitation, wind, weather)"),
                ERROR.matcher(r.stdoutText()).results().map(MatchResult::group).toList(), "the column, not that plotly needs kaleido for PNG");
        List<Path> figures = figures(r.stdoutText());
        assertEquals(List.of("plot-1.html", "plot-2.html", "plot-3.png"),
                figures.stream().map(f -> f.getFileName().toString()).toList());
        assertTrue(Files.readString(figures.get(0)).contains("Plotly.newPlot"), "plotly's page");
        assertTrue(Files.readString(figures.get(1)).contains("vegaEmbed("), "altair's page");
        assertEquals(800, Png.decode(figures.get(2)).getWidth(), "matplotlib's PNG");
    }

    @Test
    void htmlCdnGivenToTheShellHoldsForEveryPlot() throws IOException {
        Charton.Result r = Charton.run("shell", Repo.example("weather.csv").toString(), "--html-cdn", "-r", "altair", "-f", "html")
                .stdin("plot --x date --y wind\nquit\n".getBytes(StandardCharsets.UTF_8)).go();
        assertEquals(0, r.exitCode(), r::toString);
        String page = Files.readString(figures(r.stdoutText()).get(0));
        assertTrue(page.length() < 100_000 && page.contains("src=\"https://cdn.jsdelivr.net/npm/vega@"), page);
    }

    @Test
    void schemaIsWhatChartonSchemaPrints() {
        String data = Repo.example("weather.csv").toString();
        Charton.Result r = shell("schema\nquit\n");
        assertEquals(0, r.exitCode(), r::toString);
        Charton.Result schema = Charton.run("schema", data).go();
        assertEquals(0, schema.exitCode(), schema::toString);
        assertTrue(r.stdoutText().contains(schema.stdoutText()), () -> "expected\n" + schema.stdoutText() + "in\n" + r.stdoutText());
        assertTrue(schema.stdoutText().contains("weather       dictionary<values=utf8, indices=int32>"), schema.stdoutText());
    }

    private static Charton.Result shell(String commands) {
        return Charton.run("shell", Repo.example("weather.csv").toString())
                .stdin(commands.getBytes(StandardCharsets.UTF_8)).go();
    }

    private static List<Path> figures(String output) {
        return FIGURE.matcher(output).results().map(found -> Path.of(found.group(1))).toList();
    }
}
