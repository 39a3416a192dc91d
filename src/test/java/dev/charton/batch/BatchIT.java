package dev.charton.batch;

import dev.charton.testing.BatchSummary;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.SeriesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charton batch} end to end: the launcher, real Python workers, real figures, real pages. */
class BatchIT {
    @TempDir
    Path tmp;

    @BeforeEach
    void data() throws IOException {
        Files.copy(Repo.example("weather.csv"), tmp.resolve("weather.csv"));
        Files.copy(Repo.example("sales.csv"), tmp.resolve("sales.csv"));
    }

    @Test
    void rendersEveryChartOfAReportAndAnHtmlIndex() throws Exception {
        write("report.yaml", """
                title: Weather & sales <2025>
                datasets:
                  weather: weather.csv
                  sales:
                    path: sales.csv
                    type: {month: string}
                defaults:
                  width: 640
                  height: 400
                charts:
                  temps:
                    dataset: weather
                    x: date
                    y: [temp_max, temp_min]
                    title: Highs & <lows>
                    output: charts/temps.png
                  wind:
                    dataset: weather
                    kind: box
                    x: weather
                    y: wind
                    renderer: seaborn
                    output: charts/wind.svg
                  revenue:
                    dataset: sales
                    kind: bar
                    x: month
                    y: revenue
                    agg: sum
                    width: 500
                    output: charts/revenue.png
                  explore:
                    dataset: sales
                    kind: scatter
                    x: units
                    y: revenue
                    color: region
                    renderer: altair
                    output: charts/explore.html
                """);
        Charton.Result r = batch("report.yaml", "--jobs", "2", "--index", "charts/index.html");
        assertEquals(0, r.exitCode(), r::toString);

        BufferedImage temps = Png.decode(tmp.resolve("charts/temps.png"));
        assertEquals(640, temps.getWidth());
        assertEquals(400, temps.getHeight());
        assertTrue(Png.distinctColours(temps) > 10, "a drawn chart, not a blank canvas");
        assertEquals(500, Png.decode(tmp.resolve("charts/revenue.png")).getWidth());
        Figures.svg(Figures.bytes(tmp.resolve("charts/wind.svg")));
        assertTrue(Files.readString(tmp.resolve("charts/explore.html")).contains("vega"), "an altair page");

        assertEquals(Map.of("temps", "rendered", "wind", "rendered", "revenue", "rendered", "explore", "rendered"),
                BatchSummary.statuses(r));
        assertTrue(r.stderr().lines().anyMatch(l -> l.matches("batch: 4 charts: 4 rendered in \\d+\\.\\d\\d s")), r.stderr());
        assertFalse(r.stderr().contains("[1/4]"), "no progress line when stderr is not a terminal");
        assertEquals(List.of(), r.chartonLines(), "nothing went wrong");

        String html = Files.readString(tmp.resolve("charts/index.html"));
        assertTrue(html.contains("<h2>Highs &amp; &lt;lows&gt;</h2>"), html);
        Document page = xml(html);
        assertEquals("Weather & sales <2025>", text(page, "title").get(0));
        assertEquals(List.of("Highs & <lows>", "wind", "revenue", "explore"), text(page, "h2"));
        assertEquals(List.of("temps.png", "wind.svg", "revenue.png"), attribute(page, "img", "src"));
        assertEquals(List.of("Highs & <lows>", "wind", "revenue"), attribute(page, "img", "alt"));
        assertEquals(List.of("explore.html"), attribute(page, "a", "href"), "html figures are linked, not inlined");
    }

    @Test
    void aFailingChartStopsNoOtherAndTheExitCodeIsTheFirstFailuresInTheSpec() throws IOException {
        write("crash.py", "raise RuntimeError('deliberately broken')\n");
        write("report.yaml", """
                datasets:
                  weather: weather.csv
                  sales: sales.csv
                charts:
                  good1: {dataset: weather, x: date, y: temp_max, output: charts/good1.png}
                  crash: {dataset: weather, script: crash.py, output: charts/crash.png}
                  broken: {dataset: sales, x: month, y: nope, output: charts/broken.png}
                  good2: {dataset: sales, kind: bar, x: region, y: units, agg: sum, title: "Units_by *region*",
                          output: charts/good2.svg}
                """);
        Charton.Result r = batch("report.yaml", "--jobs", "2", "--index", "report.md");
        assertEquals(70, r.exitCode(), "the script's failure comes first in the spec: " + r);
        assertEquals(Map.of("good1", "rendered", "crash", "failed (exit 70)", "broken", "failed (exit 65)",
                "good2", "rendered"), BatchSummary.statuses(r));
        List<String> failures = r.chartonLines();
        assertEquals(2, failures.size(), r::toString);
        assertTrue(failures.stream().anyMatch(l -> l.startsWith("charton: chart 'broken': --y: ")
                && l.endsWith("sales.csv: no column named 'nope' (available: month, region, product, units, revenue)")),
                failures::toString);
        assertTrue(failures.stream().anyMatch(l -> l.startsWith("charton: chart 'crash': crash.py:1: RuntimeError: deliberately broken")),
                failures::toString);
        assertFalse(r.stderr().contains("Traceback"), "no traceback without --verbose");

        assertEquals(800, Png.decode(tmp.resolve("charts/good1.png")).getWidth());
        Figures.svg(Figures.bytes(tmp.resolve("charts/good2.svg")));
        try (Stream<Path> files = Files.list(tmp.resolve("charts"))) {
            assertEquals(List.of("good1.png", "good2.svg"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no figure, partial file or temporary file for the failed charts");
        }
        String markdown = Files.readString(tmp.resolve("report.md"));
        assertTrue(markdown.startsWith("# Charts of report.yaml\n"), markdown);
        assertTrue(markdown.contains("## good1\n\n![good1](<charts/good1.png>)\n"), markdown);
        assertTrue(markdown.contains("## Units\\_by \\*region\\*\n\n![Units\\_by \\*region\\*](<charts/good2.svg>)\n"), markdown);
        assertTrue(markdown.contains("## broken\n\n*failed: --y: "), markdown);
        assertTrue(markdown.contains("no column named 'nope'"), markdown);
        assertTrue(markdown.contains("## crash\n\n*failed: crash.py:1: RuntimeError: deliberately broken"), markdown);
    }

    @Test
    void aChartOfATableWithoutRowsFailsAndAScriptOfItIsDrawn() throws IOException {
        write("header.csv", "date,temp_max\n");
        write("note.py", """
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots()
                ax.text(0.5, 0.5, f"{len(df)} rows")
                """);
        write("report.yaml", """
                datasets:
                  empty: header.csv
                  weather: weather.csv
                charts:
                  highs: {dataset: empty, x: date, y: temp_max, output: charts/highs.png}
                  note: {dataset: empty, script: note.py, output: charts/note.png}
                  temps: {dataset: weather, x: date, y: temp_max, output: charts/temps.png}
                """);
        Charton.Result r = batch("report.yaml", "--jobs", "2");
        assertEquals(65, r.exitCode(), r::toString);
        assertEquals(Map.of("highs", "failed (exit 65)", "note", "rendered", "temps", "rendered"), BatchSummary.statuses(r));
        assertEquals(List.of("charton: chart 'highs': " + tmp.resolve("header.csv")
                + ": no rows to plot (the table has 2 columns but no data rows)"), r.chartonLines());
        assertTrue(Png.distinctColours(Png.decode(tmp.resolve("charts/note.png"))) > 1, "the script's text is drawn");
        try (Stream<Path> files = Files.list(tmp.resolve("charts"))) {
            assertEquals(List.of("note.png", "temps.png"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no figure, partial file or temporary file for the refused chart");
        }
    }

    @Test
    void failFastStartsNoMoreChartsAfterAFailure() throws IOException {
        write("report.yaml", """
                datasets: {sales: sales.csv}
                charts:
                  broken: {x: month, y: nope, output: charts/broken.png}
                  later1: {x: month, y: units, output: charts/later1.png}
                  later2: {x: month, y: revenue, output: charts/later2.png}
                """);
        Charton.Result r = batch("report.yaml", "--jobs", "1", "--fail-fast", "--index", "index.html");
        assertEquals(65, r.exitCode(), r::toString);
        assertEquals(Map.of("broken", "failed (exit 65)", "later1", "skipped", "later2", "skipped"), BatchSummary.statuses(r));
        assertFalse(Files.exists(tmp.resolve("charts/later1.png")));
        assertFalse(Files.exists(tmp.resolve("charts/later2.png")));
        assertTrue(Files.readString(tmp.resolve("index.html")).contains("not rendered (--fail-fast stopped the batch)"));
    }

    @Test
    void incrementalRunsRenderOnlyWhatChanged() throws IOException {
        write("smooth.py", """
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots()
                ax.plot(df["date"], df["temp_max"].rolling(7).mean())
                """);
        write("templates/house.py", """
                import matplotlib.pyplot as plt


                def render(df, spec):
                    fig, ax = plt.subplots()
                    ax.plot(df[spec.x], df[spec.y[0]], color="0.35")
                    return fig
                """);
        String spec = """
                datasets:
                  weather: weather.csv
                  sales: sales.csv
                charts:
                  temps: {dataset: weather, x: date, y: temp_max, title: Highs, output: charts/temps.png}
                  revenue: {dataset: sales, kind: bar, x: region, y: revenue, agg: sum, output: charts/revenue.png}
                  units: {dataset: sales, kind: bar, x: region, y: units, agg: sum, output: charts/units.svg}
                  smooth: {dataset: weather, script: smooth.py, output: charts/smooth.png}
                  house: {dataset: weather, renderer: house, templates-dir: templates, x: date, y: wind,
                          output: charts/house.png}
                """;
        write("report.yaml", spec);
        assertEquals(Map.of("temps", "rendered", "revenue", "rendered", "units", "rendered", "smooth", "rendered",
                "house", "rendered"), incremental());
        assertTrue(Files.isRegularFile(tmp.resolve("charts/.charton-batch.json")));
        Map<String, FileTime> written = modified();

        assertEquals(Map.of("temps", "up to date", "revenue", "up to date", "units", "up to date",
                "smooth", "up to date", "house", "up to date"), incremental(), "nothing changed");
        assertEquals(written, modified(), "no figure was rewritten");

        Files.writeString(tmp.resolve("sales.csv"), "2025-12,North,tea,1000,9999.0\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Map.of("temps", "up to date", "revenue", "rendered", "units", "rendered", "smooth", "up to date",
                "house", "up to date"), incremental(), "the sales data changed");

        write("report.yaml", spec.replace("title: Highs", "title: Daily highs"));
        assertEquals(Map.of("temps", "rendered", "revenue", "up to date", "units", "up to date", "smooth", "up to date",
                "house", "up to date"), incremental(), "one chart's options changed");

        write("smooth.py", Files.readString(tmp.resolve("smooth.py")).replace("rolling(7)", "rolling(14)"));
        assertEquals(Map.of("temps", "up to date", "revenue", "up to date", "units", "up to date", "smooth", "rendered",
                "house", "up to date"), incremental(), "the script changed");

        write("templates/house.py", Files.readString(tmp.resolve("templates/house.py")).replace("0.35", "0.5"));
        Files.delete(tmp.resolve("charts/units.svg"));
        assertEquals(Map.of("temps", "up to date", "revenue", "up to date", "units", "rendered", "smooth", "up to date",
                "house", "rendered"), incremental(), "the plugin changed and a figure was deleted");
        Figures.svg(Figures.bytes(tmp.resolve("charts/units.svg")));
    }

    @Test
    void aJsonSpecWorksTheSame() throws IOException {
        write("report.json", """
                {
                  "datasets": {"weather": {"path": "weather.csv"}},
                  "charts": {
                    "temps": {"x": "date", "y": ["temp_max", "temp_min"], "kind": "area", "width": 320,
                              "height": 240, "output": "out/temps.png"},
                    "rain": {"x": "date", "y": "precipitation", "log-y": false, "output": "out/rain.svg"}
                  }
                }
                """);
        Charton.Result r = batch("report.json");
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage temps = Png.decode(tmp.resolve("out/temps.png"));
        assertEquals(320, temps.getWidth());
        assertEquals(240, temps.getHeight());
        Figures.svg(Figures.bytes(tmp.resolve("out/rain.svg")));
    }

    @Test
    void aBadSpecIsReportedLineByLineAndNothingIsRendered() throws IOException {
        write("report.yaml", """
                datasets:
                  weather: weather.csv
                charts:
                  temps: {x: date, y: temp_max, output: charts/temps.png}
                  odd:
                    x: date
                    colour: weather
                    width: wide
                    output: charts/odd.png
                  lost: {dataset: sales, output: charts/lost.png}
                """);
        Charton.Result r = batch("report.yaml");
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals(List.of(
                "charton: report.yaml:7: chart 'odd': unknown key 'colour' (did you mean 'color'?)",
                "charton: report.yaml:8: chart 'odd': Invalid value for option '--width': 'wide' is not an int",
                "charton: report.yaml:10: chart 'lost': no dataset 'sales' in 'datasets' (defined: weather)"),
                r.chartonLines());
        assertFalse(Files.exists(tmp.resolve("charts")), "nothing is rendered, not even the good chart");

        write("report.yaml", "datasets: {weather: weather.csv}\ncharts:\n  temps: {x: date, output: charts/t.png}\n");
        Charton.Result jobs = batch("report.yaml", "--jobs", "0");
        assertEquals(64, jobs.exitCode(), jobs::toString);
        assertEquals("charton: --jobs must be at least 1, not 0", jobs.chartonLines().get(0));
        Charton.Result index = batch("report.yaml", "--index", "report.txt");
        assertEquals(64, index.exitCode(), index::toString);
        assertEquals(List.of("charton: --index report.txt: the page is Markdown (.md) or HTML (.html)"), index.chartonLines());
        assertFalse(Files.exists(tmp.resolve("charts")), "options are checked before anything renders");
    }

    @Test
    void eachDatasetIsReadOnceHoweverManyChartsUseIt() throws IOException {
        // Standard input can be read only once: a second read of the dataset would find it empty.
        write("report.yaml", """
                datasets: {weather: "-"}
                charts:
                  highs: {x: date, y: temp_max, output: highs.png}
                  lows: {x: date, y: temp_min, output: lows.png}
                  wind: {kind: hist, x: wind, output: wind.png}
                """);
        Charton.Result r = Charton.run("batch", "report.yaml", "--jobs", "2")
                .stdin(Files.readAllBytes(tmp.resolve("weather.csv"))).in(tmp).go();
        assertEquals(0, r.exitCode(), r::toString);
        for (String figure : List.of("highs.png", "lows.png", "wind.png")) {
            assertEquals(800, Png.decode(tmp.resolve(figure)).getWidth(), figure);
        }
    }

    @Test
    void progressIsShownOnlyWhenStderrIsATerminal() throws Exception {
        write("report.yaml", """
                datasets: {weather: weather.csv}
                charts:
                  highs: {x: date, y: temp_max, output: highs.png}
                  lows: {x: date, y: temp_min, output: lows.png}
                """);
        Charton.Result quiet = batch("report.yaml");
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertFalse(quiet.stderr().contains("[1/2]"), quiet.stderr());

        // script(1) runs charton on a pseudo-terminal and copies what it printed to its own stdout.
        Process onTerminal = new ProcessBuilder("script", "-q", "-e", "-c",
                "'" + Repo.launcher() + "' batch report.yaml", "/dev/null")
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        onTerminal.getOutputStream().close();
        String shown = new String(onTerminal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, onTerminal.waitFor(), shown);
        assertTrue(shown.contains("[1/2] ") && shown.contains("[2/2] "), shown);
        assertTrue(shown.contains("batch: 2 charts: 2 rendered"), shown);
    }

    @Test
    void stoppingABatchDeletesItsSpoolAndStopsPython() throws Exception {
        write("slow.py", "import time\ntime.sleep(120)\n");
        write("report.yaml", """
                datasets: {weather: weather.csv}
                charts:
                  slow: {script: slow.py, output: slow.png}
                """);
        Path temp = Files.createDirectory(tmp.resolve("java-tmp"));
        Charton.run("--version").in(tmp).go(); // the managed Python is set up before the timed part
        ProcessBuilder builder = new ProcessBuilder(Repo.launcherCommand(List.of("batch", "report.yaml", "--timeout", "0")))
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        builder.environment().put("TMPDIR", temp.toString());
        Process charton = builder.start();
        long deadline = System.currentTimeMillis() + 90_000;
        List<ProcessHandle> pythons = List.of();
        while (System.currentTimeMillis() < deadline && (spools(temp).isEmpty() || pythons.isEmpty())) {
            Thread.sleep(200);
            pythons = charton.descendants().filter(p -> p.info().command().orElse("").contains("python")).toList();
        }
        assertFalse(spools(temp).isEmpty(), "the dataset was spooled to " + temp);
        assertFalse(pythons.isEmpty(), "a Python worker runs");
        Thread.sleep(2000); // the chart is rendering: its worker sleeps in the script
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(charton.pid())).start().waitFor());
        assertTrue(charton.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "charton stops on Ctrl-C");
        assertEquals(130, charton.exitValue(), Files.readString(tmp.resolve("log.txt")));
        assertEquals(List.of(), spools(temp), "the spool is deleted");
        for (ProcessHandle python : pythons) {
            python.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(python.isAlive(), "Python " + python.pid() + " was stopped");
        }
        assertFalse(Files.exists(tmp.resolve("slow.png")));
    }

    /** A batch reduces a chart's rows as plot does: the same statistic, so the same figure, byte for byte. */
    @Test
    void chartsAreReducedAsPlotReducesThem() throws IOException {
        Path data = SeriesTable.write(tmp.resolve("series.csv"), 200_000);
        Files.writeString(tmp.resolve("big.yaml"), """
                datasets:
                  series: series.csv
                charts:
                  reduced: {dataset: series, x: t, y: value, color: cat, output: reduced.png}
                  every-row: {dataset: series, x: t, y: value, color: cat, reduce: none, output: every-row.png}
                """);
        Charton.Result r = batch("big.yaml");
        assertEquals(0, r.exitCode(), r::toString);
        for (String mode : List.of("auto", "none")) {
            Path plotted = tmp.resolve("plot-" + mode + ".png");
            Charton.Result p = Charton.run("plot", data.toString(), "--x", "t", "--y", "value", "--color", "cat",
                    "--reduce", mode, "-o", plotted.toString()).go();
            assertEquals(0, p.exitCode(), p::toString);
            Path batched = tmp.resolve(mode.equals("auto") ? "reduced.png" : "every-row.png");
            assertArrayEquals(Files.readAllBytes(plotted), Files.readAllBytes(batched), "batch and plot, --reduce " + mode);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("reduced.png")), Files.readAllBytes(tmp.resolve("every-row.png"))),
                "M4 keeps the line, not every antialiased pixel: had nothing been reduced, both would be equal");
    }

    private Charton.Result batch(String... args) {
        List<String> command = new ArrayList<>(List.of("batch"));
        command.addAll(List.of(args));
        return Charton.run(command.toArray(String[]::new)).in(tmp).go();
    }

    private Map<String, String> incremental() {
        Charton.Result r = batch("report.yaml", "--incremental", "--jobs", "2");
        assertEquals(0, r.exitCode(), r::toString);
        return BatchSummary.statuses(r);
    }

    private Map<String, FileTime> modified() throws IOException {
        Map<String, FileTime> times = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(tmp.resolve("charts"))) {
            for (Path f : files.sorted().toList()) {
                times.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        times.remove(".charton-batch.json");
        return times;
    }

    private static List<Path> spools(Path temp) throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("charton-data-")).toList();
        }
    }

    private void write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> text(Document page, String element) {
        NodeList nodes = page.getElementsByTagName(element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> attribute(Document page, String element, String name) {
        NodeList nodes = page.getElementsByTagName(element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((org.w3c.dom.Element) nodes.item(i)).getAttribute(name));
        }
        return values;
    }
}
