package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart grammar through the CLI, on every renderer, with the output opened and looked at. */
class RenderersIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "line,     matplotlib, weather.csv, --x date --y temp_max --y temp_min",
            "scatter,  seaborn,    weather.csv, --x temp_min --y temp_max --color weather",
            "bar,      matplotlib, sales.csv,   --x region --y units --color product",
            "hist,     seaborn,    weather.csv, --y temp_max --bins 20",
            "area,     matplotlib, sales.csv,   --x month --y units --color product",
            "box,      seaborn,    weather.csv, --x weather --y wind",
            "heatmap,  matplotlib, sales.csv,   --x month --y region --color revenue --agg sum"})
    void everyKindIsAPngOfTheRequestedSize(String kind, String renderer, String data, String options) {
        Path out = tmp.resolve(kind + ".png");
        Charton.Result r = plot(data, "--kind " + kind + " --renderer " + renderer + " " + options
                + " --width 480 --height 320 -o " + out);
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage image = Png.decode(out);
        assertEquals(480, image.getWidth());
        assertEquals(320, image.getHeight());
        assertTrue(Png.distinctColours(image) > 8, "a drawn chart, not a blank canvas");
    }

    @Test
    void withoutKindTheColumnTypesChooseTheChart() {
        Path out = tmp.resolve("auto.json");
        Charton.Result r = plot("weather.csv", "--x weather --y precipitation --agg mean --renderer altair -o " + out);
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode chart = Figures.json(Figures.bytes(out));
        assertEquals("bar", chart.path("mark").path("type").asText(), "categorical x, numeric y");
        assertEquals("mean of precipitation", chart.path("encoding").path("y").path("title").asText());
    }

    @Test
    void seabornWritesSvgAndPdf() {
        Path svg = tmp.resolve("facets.svg");
        Charton.Result r = plot("sales.csv", "--renderer seaborn --x month --y units --facet region --title Units -o " + svg);
        assertEquals(0, r.exitCode(), r::toString);
        Document document = Figures.svg(Figures.bytes(svg));
        assertEquals("576pt", document.getDocumentElement().getAttribute("width"), "800 px at 100 dpi");
        NodeList groups = document.getElementsByTagNameNS("*", "g");
        long panels = IntStream.range(0, groups.getLength())
                .mapToObj(i -> ((Element) groups.item(i)).getAttribute("id"))
                .filter(id -> id.matches("axes_\\d+")).count();
        assertEquals(4, panels, "one panel per region");
        Path pdf = tmp.resolve("box.pdf");
        r = plot("weather.csv", "--renderer seaborn --kind box --x weather --y wind --theme whitegrid -o " + pdf);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, Figures.pdfPages(Figures.bytes(pdf)));
    }

    @Test
    void binnedDatesOfAReducedHeatmapAreLabelledByTheMonthsTheyHold() throws Exception {
        // A year of days is more than the 50 cells: binned on calendar months, labelled as months.
        Path json = tmp.resolve("days.json");
        Charton.Result r = plot("weather.csv", "--renderer plotly --kind heatmap --x date --y wind -o " + json);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> months = new ArrayList<>();
        Figures.json(Figures.bytes(json)).get("data").get(0).get("x").forEach(x -> {
            if (!months.contains(x.asText())) {
                months.add(x.asText());
            }
        });
        assertEquals(12, months.size(), months::toString);
        assertEquals("Jan 2025", months.get(0));
        assertTrue(months.stream().allMatch(m -> m.matches("[A-Z][a-z]{2} 2025")), months::toString);
        Path svg = tmp.resolve("days.svg");
        r = plot("weather.csv", "--kind heatmap --x date --y wind -o " + svg);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.readString(svg).contains("<!-- Jan 2025 -->"), "matplotlib's first x tick label");
    }

    @Test
    void altairJsonIsVegaLiteWithTheDataInline() {
        Path out = tmp.resolve("scatter.json");
        Charton.Result r = plot("weather.csv", "--renderer altair --x temp_min --y temp_max --color weather"
                + " --reduce none -o " + out);
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode chart = Figures.json(Figures.bytes(out));
        assertTrue(chart.path("$schema").asText().contains("vega-lite"), chart::toString);
        JsonNode datasets = chart.path("datasets");
        assertEquals(1, datasets.size());
        assertEquals(365, datasets.elements().next().size(), "every row inline");
        assertEquals("circle", chart.path("mark").path("type").asText());

        Charton.Result reduced = plot("weather.csv", "--renderer altair --x temp_min --y temp_max --color weather -o " + out);
        assertEquals(0, reduced.exitCode(), reduced::toString);
        int points = Figures.json(Figures.bytes(out)).path("datasets").elements().next().size();
        assertTrue(points < 365 && points > 300, "one point per series and cell of the zoomable grid: days with the"
                + " same temperatures and weather share one: " + points);
    }

    @Test
    void htmlPagesEmbedTheChart() {
        Path vega = tmp.resolve("bar.html");
        Charton.Result r = plot("sales.csv", "--renderer altair --x region --y units -o " + vega);
        assertEquals(0, r.exitCode(), r::toString);
        String page = new String(Figures.bytes(vega), StandardCharsets.UTF_8);
        assertTrue(page.contains("vegaEmbed(") && page.contains("\"North\""), "the page embeds the chart and its data");
        Path plotly = tmp.resolve("line.html");
        r = plot("weather.csv", "--renderer plotly --x date --y temp_max -o " + plotly);
        assertEquals(0, r.exitCode(), r::toString);
        page = new String(Figures.bytes(plotly), StandardCharsets.UTF_8);
        assertTrue(page.contains("Plotly.newPlot(") && page.contains("id=\"charton-figure\""));
    }

    @Test
    void formatOptionWinsOverTheExtension() {
        Path out = tmp.resolve("figure.data");
        Charton.Result r = plot("weather.csv", "--renderer plotly --x date --y wind --format json -o " + out);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("wind", Figures.json(Figures.bytes(out)).path("layout").path("yaxis").path("title")
                .path("text").asText());
    }

    @Test
    void anUnsupportedFormatListsTheRenderersFormats() {
        Path out = tmp.resolve("line.jpg");
        Charton.Result r = plot("weather.csv", "--renderer plotly --x date --y wind -o " + out);
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "plotly cannot write jpg; its formats are html, json, png, svg, pdf");
        assertFalse(Files.exists(out));
    }

    @Test
    void staticAltairImagesNeedVlConvert() {
        Path out = tmp.resolve("line.png");
        Charton.Result r = plot("weather.csv", "--renderer altair --x date --y wind -o " + out);
        if (r.exitCode() == 0) {
            assertEquals(800, Png.decode(out).getWidth(), "vl-convert-python is installed: a real PNG");
            return;
        }
        assertEquals(69, r.exitCode(), r::toString);
        assertOneLine(r, "altair writes png through vl-convert-python, which is not installed; install it with: ");
        assertFalse(Files.exists(out));
    }

    @Test
    void grammarMistakesAreUsageErrors() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = plot("weather.csv", "--kind pie --x weather -o " + out);
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "--kind: unknown kind 'pie' (expected one of line, scatter, bar, hist, area, box, heatmap)");
        r = plot("weather.csv", "--x date --y wind --theme neon --renderer plotly -o " + tmp.resolve("x.html"));
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "--theme: plotly has no theme 'neon'");
        r = plot("weather.csv", "--x date --y wind --width 0 -o " + out);
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "--width must be a positive number, not 0");
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingColorColumnNamesTheClosestMatch() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = plot("weather.csv", "--x temp_min --y temp_max --color wether -o " + out);
        assertEquals(65, r.exitCode(), r::toString);
        assertOneLine(r, "--color: " + Repo.example("weather.csv") + ": no column named 'wether'; did you mean 'weather'?");
    }

    static Charton.Result plot(String example, String options) {
        List<String> args = new ArrayList<>(List.of("plot", Repo.example(example).toString()));
        args.addAll(List.of(options.trim().split("\\s+")));
        return Charton.run(args.toArray(String[]::new)).go();
    }

    static void assertOneLine(Charton.Result r, String expected) {
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith("charton: ") && lines.get(0).contains(expected),
                () -> "expected '" + expected + "' in: " + lines.get(0));
    }
}
