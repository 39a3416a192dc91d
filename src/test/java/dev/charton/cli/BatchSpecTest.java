package dev.charton.cli;

import dev.charton.table.InputTable;
import dev.charton.batch.BatchSpec;
import dev.charton.batch.Chart;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.OutputFormat;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading batch specs with plot's real option model: what a spec means, and every problem with its line. */
class BatchSpecTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        Files.copy(Repo.example("weather.csv"), dir.resolve("weather.csv"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Repo.example("sales.csv"), dir.resolve("data/sales.csv"));
    }

    @Test
    void chartsTakePlotOptionsByTheirLongNames() throws IOException {
        BatchSpec spec = read("""
                title: Report
                datasets:
                  weather: weather.csv
                  sales:
                    path: data/sales.csv
                    delimiter: ","
                    type: {month: string}
                defaults:
                  width: 640
                  theme: dark
                charts:
                  temps:
                    dataset: weather
                    x: date
                    y: [temp_max, temp_min]
                    log-y: true
                    title: Daily temperatures
                    output: out/temps.png
                  revenue:
                    dataset: sales
                    kind: bar
                    x: month
                    y: revenue
                    agg: sum
                    width: 320
                    log-y: false
                    renderer: seaborn
                    param: {window: 7}
                    timeout: 5
                    output: out/revenue.svg
                """);
        assertEquals("Report", spec.title());
        assertEquals(List.of("weather", "sales"), spec.datasets().stream().map(d -> d.name()).toList());
        assertEquals(dir.resolve("data/sales.csv"), spec.datasets().get(1).read().file().orElseThrow());
        assertEquals(List.of("--delimiter=,", "--type=month=string"), spec.datasets().get(1).readArguments());
        assertEquals(',', ((InputTable) spec.datasets().get(1).read().table()).options().csv().delimiter());

        Chart temps = spec.charts().get(0);
        ChartSpec t = temps.job().request().spec();
        assertEquals(List.of("temp_max", "temp_min"), t.y());
        assertTrue(t.logY());
        assertEquals(640, t.width(), "from defaults");
        assertEquals("dark", t.theme());
        assertEquals("Daily temperatures", temps.title());
        assertEquals(dir.resolve("out/temps.png"), temps.output(), "paths are relative to the spec");
        assertEquals("matplotlib", temps.job().request().renderer());
        assertEquals(OutputFormat.PNG, temps.job().request().format());

        Chart revenue = spec.charts().get(1);
        ChartSpec r = revenue.job().request().spec();
        assertEquals(320, r.width(), "a chart's own key wins over defaults");
        assertTrue(!r.logY());
        assertEquals("sum", r.agg());
        assertEquals("seaborn", revenue.job().request().renderer());
        assertEquals(Map.of("window", "7"), revenue.job().request().code().params());
        assertEquals(Duration.ofSeconds(5), revenue.job().timeout());
        assertEquals(OutputFormat.SVG, revenue.job().request().format());
        assertEquals("revenue", revenue.title(), "no title: the chart's name");
        assertEquals(spec.datasets().get(1), revenue.dataset());
    }

    @Test
    void aSingleDatasetNeedsNoNameAndScriptsResolveBesideTheSpec() throws IOException {
        Files.writeString(dir.resolve("plot.py"), "fig = df.plot().figure\n");
        BatchSpec spec = read("""
                datasets: {weather: weather.csv}
                charts:
                  scripted: {script: plot.py, output: s.png}
                """);
        Chart chart = spec.charts().get(0);
        assertEquals(dir.resolve("plot.py"), chart.job().request().code().script());
        assertEquals("script", chart.job().request().renderer());
        assertEquals("weather", chart.dataset().name());
    }

    @Test
    void unknownKeysAreReportedAtTheirLineWithASuggestion() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                charts:
                  temps:
                    x: date
                    colour: weather
                    output: t.png
                """);
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("spec.yaml:6: chart 'temps': unknown key 'colour' (did you mean 'color'?)", e.getMessage());
    }

    @Test
    void unknownSectionsAndReadOptionsOnChartsAreProblems() {
        ChartonException e = problems("""
                datasets:
                  weather:
                    path: weather.csv
                    delimeter: ";"
                chart:
                  temps: {x: date, output: t.png}
                charts:
                  temps:
                    encoding: latin-1
                    output: t.png
                """);
        assertEquals(List.of(
                "spec.yaml:4: dataset 'weather': unknown key 'delimeter' (did you mean 'delimiter'?)",
                "spec.yaml:5: unknown key 'chart' (did you mean 'charts'?)",
                "spec.yaml:9: chart 'temps': 'encoding' says how to read the data: set it on the dataset"), lines(e));
    }

    @Test
    void aMissingDatasetIsReportedWhereTheChartNamesIt() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                  sales: data/sales.csv
                charts:
                  temps:
                    dataset: wether
                    output: t.png
                  units:
                    output: u.png
                """);
        assertEquals(List.of(
                "spec.yaml:6: chart 'temps': no dataset 'wether' in 'datasets' (defined: weather, sales)",
                "spec.yaml:9: chart 'units': no 'dataset' (one of: weather, sales)"), lines(e));
    }

    @Test
    void aDatasetFileThatIsNotThereIsReportedAtItsPath() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                  old:
                    path: archive/2019.csv
                charts:
                  temps: {dataset: old, output: t.png}
                """);
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
        assertEquals(List.of("spec.yaml:4: dataset 'old': archive/2019.csv: no such file"), lines(e));
    }

    @Test
    void onlyOneDatasetCanBeStandardInput() {
        ChartonException e = problems("""
                datasets:
                  a: "-"
                  b: {path: "-"}
                charts:
                  c: {dataset: a, output: c.png}
                """);
        assertEquals(List.of("spec.yaml:3: dataset 'b': standard input is already dataset 'a'"), lines(e));
    }

    @Test
    void badOptionValuesAreReportedAtTheLineOfTheValue() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                charts:
                  a:
                    width:
                      abc
                    output: a.png
                  b:
                    height: 0
                    output: b.png
                  c:
                    format: gif
                    output: c.png
                  d:
                    log-x: sometimes
                    output: d.png
                  e:
                    y: {a: b}
                    output: e.png
                  f:
                    output: "-"
                  g:
                    x: date
                """);
        assertEquals(List.of(
                "spec.yaml:6: chart 'a': Invalid value for option '--width': 'abc' is not an int",
                "spec.yaml:9: chart 'b': --height must be a positive number, not 0",
                "spec.yaml:12: chart 'c': --format: unknown format 'gif' (expected one of png, svg, pdf, jpg, json, html)",
                "spec.yaml:15: chart 'd': log-x is true or false, not 'sometimes'",
                "spec.yaml:18: chart 'e': y needs one value, not a mapping",
                "spec.yaml:21: chart 'f': output must be a file; a batch cannot write figures to standard output",
                "spec.yaml:23: chart 'g': 'output' is required"), lines(e));
    }

    @Test
    void optionsThatCannotGoTogetherAndMissingScriptsAreProblemsToo() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                charts:
                  both:
                    script: plot.py
                    output: b.png
                  twice:
                    output: same.png
                  again:
                    output: ./same.png
                """);
        assertEquals(ExitCode.NO_INPUT, e.exitCode(), "the first problem's code");
        assertEquals(List.of(
                "spec.yaml:5: chart 'both': plot.py: no such script",
                "spec.yaml:10: chart 'again': chart 'twice' writes same.png too"), lines(e));
    }

    @Test
    void badYamlSyntaxNamesLineAndColumn() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                charts:
                  temps:
                    x: [date
                    output: t.png
                """);
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().matches("spec\\.yaml:6:\\d+: not valid YAML or JSON: .+"), e.getMessage());
    }

    @Test
    void repeatedKeysAndTheWrongShapeAreProblems() {
        ChartonException e = problems("""
                datasets:
                  weather: weather.csv
                charts:
                  temps:
                    x: date
                    x: temp_max
                    output: t.png
                  list: [a, b]
                """);
        assertEquals(List.of(
                "spec.yaml:6: 'x' is given twice (first on line 5)",
                "spec.yaml:8: chart 'list': a mapping of plot options, not a list"), lines(e));
        assertEquals("spec.yaml:1: a spec is a mapping of title, datasets, defaults, charts, not a list",
                problems("- a\n- b\n").getMessage());
        assertEquals("spec.yaml: the spec is empty; it needs datasets and charts", problems("# nothing\n").getMessage());
    }

    @Test
    void jsonSpecsReadTheSameWithLines() throws IOException {
        Files.writeString(dir.resolve("spec.json"), """
                {
                  "datasets": {"weather": "weather.csv"},
                  "charts": {
                    "temps": {"x": "date", "y": ["temp_max", "temp_min"], "log-y": true, "output": "t.png"},
                    "bad": {"x": "date", "widht": 3, "output": "b.png"}
                  }
                }
                """);
        ChartonException e = assertThrows(ChartonException.class, () -> BatchCommand.specReader(List.of()).read(dir.resolve("spec.json")));
        assertEquals(dir.resolve("spec.json") + ":5: chart 'bad': unknown key 'widht' (did you mean 'width'?)", e.getMessage());

        Files.writeString(dir.resolve("spec.json"), """
                {"datasets": {"weather": "weather.csv"},
                 "charts": {"temps": {"x": "date", "y": ["temp_max", "temp_min"], "log-y": true, "output": "t.png"}}}
                """);
        BatchSpec spec = BatchCommand.specReader(List.of()).read(dir.resolve("spec.json"));
        assertEquals(List.of("temp_max", "temp_min"), spec.charts().get(0).job().request().spec().y());
        assertTrue(spec.charts().get(0).job().request().spec().logY());

        Files.writeString(dir.resolve("broken.json"), "{\"datasets\": {\"weather\": \"weather.csv\"},\n \"charts\": {]\n}\n");
        ChartonException syntax = assertThrows(ChartonException.class,
                () -> BatchCommand.specReader(List.of()).read(dir.resolve("broken.json")));
        assertTrue(syntax.getMessage().startsWith(dir.resolve("broken.json") + ":2:"), syntax.getMessage());
    }

    @Test
    void theBatchCommandLineGivesDefaultsThatChartsOverride() throws IOException {
        Files.writeString(dir.resolve("spec.yaml"), """
                datasets: {weather: weather.csv}
                charts:
                  a: {output: a.png}
                  b: {output: b.png, timeout: 9}
                """);
        BatchSpec spec = BatchCommand.specReader(List.of("--timeout=2")).read(dir.resolve("spec.yaml"));
        assertEquals(Duration.ofSeconds(2), spec.charts().get(0).job().timeout());
        assertEquals(Duration.ofSeconds(9), spec.charts().get(1).job().timeout());
        assertNull(spec.charts().get(0).job().python().option());
    }

    private BatchSpec read(String yaml) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return BatchCommand.specReader(List.of()).read(file);
    }

    /** The problems of a spec written as spec.yaml, with the temporary directory left out of their text. */
    private ChartonException problems(String yaml) {
        Path file = dir.resolve("spec.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ChartonException e = assertThrows(ChartonException.class, () -> BatchCommand.specReader(List.of()).read(file));
        return new ChartonException(e.exitCode(), e.getMessage().replace(dir + File.separator, ""));
    }

    private static List<String> lines(ChartonException e) {
        return List.of(e.getMessage().split(System.lineSeparator() + "charton: "));
    }
}
