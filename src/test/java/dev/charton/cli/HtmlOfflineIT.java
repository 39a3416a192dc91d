package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** altair's and plotly's HTML carry their JavaScript, so they draw offline; --html-cdn makes small pages that load it. */
class HtmlOfflineIT {
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL = Pattern.compile("<(script|link)\\b[^>]*\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path tmp;

    @Test
    void altairHtmlCarriesVegaVegaLiteAndVegaEmbedAndLoadsNothing() throws IOException {
        String title = "Highs </script><script>alert(1)</script> & lows";
        String page = plot("altair", "--title", title);
        for (String library : List.of("vega", "vega-lite", "vega-embed")) {
            assertTrue(page.contains(builtScript(library)), library + ".min.js is inside the page whole");
        }
        assertFalse(EXTERNAL.matcher(page).find(), "no script or stylesheet from elsewhere");
        assertEquals(List.of("<script>", "<script>", "<script>", "<script>"), scriptTags(page),
                "the three libraries and the chart; the title's tags stay text");
        assertTrue(page.contains("Highs \\u003c/script>\\u003cscript>alert(1)\\u003c/script> & lows"), "the title, escaped");
        assertTrue(page.contains("vegaEmbed(\"#vis\""), "the chart is embedded");
    }

    @Test
    void withHtmlCdnAltairsPageIsSmallAndLoadsTheLibraries() throws IOException {
        String page = plot("altair", "--html-cdn");
        assertTrue(page.length() < 100_000, "a small page: " + page.length() + " characters");
        assertTrue(page.contains("<script type=\"text/javascript\" src=\"https://cdn.jsdelivr.net/npm/vega@"), page);
        assertFalse(page.contains(builtScript("vega-embed")));
    }

    @Test
    void plotlyHtmlCarriesPlotlyJsAndWithHtmlCdnLoadsIt() throws IOException {
        String inline = plot("plotly");
        assertFalse(EXTERNAL.matcher(inline).find(), "no script from elsewhere");
        assertTrue(inline.length() > 1_000_000, "plotly.js is inside");
        String small = plot("plotly", "--html-cdn");
        assertTrue(small.length() < 100_000, "a small page: " + small.length() + " characters");
        assertTrue(small.contains("src=\"https://cdn.plot.ly/plotly-"), "plotly.js from its CDN");
    }

    private String plot(String renderer, String... options) throws IOException {
        Path out = tmp.resolve(renderer + options.length + ".html");
        List<String> args = new ArrayList<>(List.of("plot", Repo.example("weather.csv").toString(), "--x", "temp_min",
                "--y", "temp_max", "--color", "weather", "-r", renderer, "-o", out.toString()));
        args.addAll(List.of(options));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).go();
        assertEquals(0, r.exitCode(), r::toString);
        return Files.readString(out);
    }

    /** The library as the build put it beside the Python side (src/build/vega-scripts.sh). */
    private static String builtScript(String name) throws IOException {
        try (InputStream in = HtmlOfflineIT.class.getResourceAsStream("/python-templates/chartonpy/vega/" + name + ".min.js")) {
            assertNotNull(in, name + ".min.js was not built");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> scriptTags(String page) {
        List<String> tags = new ArrayList<>();
        Matcher m = SCRIPT_TAG.matcher(page);
        while (m.find()) {
            tags.add(m.group());
        }
        return tags;
    }
}
