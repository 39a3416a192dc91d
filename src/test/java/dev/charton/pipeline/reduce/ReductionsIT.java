package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reductions against the reference: grammar.py's plan computed by the managed Python from every
 * row of the same random 50,000-row table. Aggregates must match it value for value; M4 and the
 * scatter grid must keep exactly the rows their definition picks from the plan's rows.
 */
class ReductionsIT {
    private static final int ROWS = 50_000;
    private static final int WIDTH = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BufferAllocator allocator;
    private static RandomTable table;
    private static Path file;

    /** One row in the plan's terms: x, series label, facet label, y (nulls as null). */
    record Row(Object x, String series, String facet, Double y) {
        String key() {
            return x + " | " + series + " | " + facet;
        }
    }

    @BeforeAll
    static void writeTable() throws IOException {
        allocator = new RootAllocator();
        table = new RandomTable(ROWS, 42, allocator);
        file = Files.createTempFile("reductions-it", ".arrow");
        table.write(file);
    }

    @AfterAll
    static void release() throws IOException {
        table.close();
        allocator.close();
        Files.deleteIfExists(file);
    }

    private static ReduceRequest request(String kind, String x, List<String> y, String color, String facet, String agg) {
        return new ReduceRequest(ChartKind.named(kind), x, y, color, facet, agg, null, WIDTH, 200, 1, 1,
                false, false);
    }

    @Test
    void barsCountingRowsOfATextXByADictionaryColor() throws Exception {
        assertSameAggregates(request("bar", "group", List.of(), "category", null, null));
    }

    @Test
    void barsSummingRepeatedIntegerXPerPanel() throws Exception {
        assertSameAggregates(request("bar", "k", List.of("walk"), "group", "category", null));
    }

    @Test
    void barMeansOfADictionaryEncodedXWithNulls() throws Exception {
        assertSameAggregates(request("bar", "category", List.of("noise", "walk"), "group", null, "mean"));
    }

    @Test
    void lineMeansOfTwoColumnsAlongATimestampPerPanel() throws Exception {
        assertSameAggregates(request("line", "ts", List.of("walk", "noise"), null, "group", "mean"));
        // About 25 rows per k, some of them null: a line keeps them, so size and count differ.
        assertSameAggregates(request("line", "k", List.of("walk", "noise"), null, "group", "mean"));
        assertSameAggregates(request("line", "k", List.of("noise"), "category", null, "sum"));
    }

    @Test
    void scatterMaximaAndLineCountsAndMinima() throws Exception {
        assertSameAggregates(request("scatter", "k", List.of("noise"), "category", null, "max"));
        assertSameAggregates(request("line", "k", List.of("walk"), "group", null, "count"));
        assertSameAggregates(request("area", "k", List.of("noise"), null, null, "min"));
    }

    @Test
    void m4KeepsTheFirstLastLeastAndGreatestOfEachPixelColumnOfThePlan() throws Exception {
        ReduceRequest request = request("line", "ts", List.of("walk", "noise"), "category", null, null);
        List<Row> plan = grammarPlan(request);
        List<Row> reduced = reduce(request);
        assertEquals(bySeries(expectedM4(plan, WIDTH)), bySeries(reduced));
        int series = bySeries(reduced).size();
        assertTrue(reduced.size() <= 6 * WIDTH * series && reduced.size() < plan.size() / 10,
                reduced.size() + " of " + plan.size() + " rows");
    }

    @Test
    void theScatterGridKeepsTheFirstRowOfEachSeriesInEachPixelCell() throws Exception {
        ReduceRequest request = request("scatter", "noise", List.of("walk"), "group", "category", null);
        List<Row> plan = grammarPlan(request);
        AxisRange xs = new AxisRange(false);
        AxisRange ys = new AxisRange(false);
        plan.forEach(row -> {
            xs.add(((Number) row.x()).doubleValue());
            ys.add(row.y());
        });
        Map<String, Row> first = new LinkedHashMap<>();
        for (Row row : plan) {
            int column = xs.cell(((Number) row.x()).doubleValue(), request.gridColumns());
            int pixelRow = ys.cell(row.y(), request.gridRows());
            first.putIfAbsent(row.series() + " | " + row.facet() + " | " + column + " | " + pixelRow, row);
        }
        assertTrue(first.size() > WIDTH && first.size() < plan.size(), first.size() + " cells of " + plan.size());
        assertEquals(new TreeSet<>(first.values().stream().map(Row::toString).toList()),
                new TreeSet<>(reduce(request).stream().map(Row::toString).toList()));
    }

    @Test
    void stackedAreasHaveThePlansSumsOnEverySeriesGridX() throws Exception {
        ReduceRequest request = request("area", "k", List.of("walk"), "group", null, null);
        Map<String, Double> plan = new HashMap<>();
        grammarPlan(request).forEach(row -> plan.put(row.key(), row.y()));
        List<Row> reduced = reduce(request);
        for (Row row : reduced) {
            assertClose(plan.get(row.key()), row.y(), row.key());
        }
        assertTrue(reduced.size() < plan.size(), reduced.size() + " of " + plan.size());
    }

    @Test
    void histogramsHaveNumpysEdgesAndCountsPerSeriesAndPanel() throws Exception {
        for (Integer bins : new Integer[] {null, 7}) {
            ReduceRequest request = new ReduceRequest(ChartKind.HIST, null, List.of("walk", "noise"),
                    "category", "group", null, bins, WIDTH, 200, 1, 1, false, false);
            JsonNode plan = grammar(request);
            Map<String, Double> expected = new TreeMapOfRows(planRows(plan, "start", "y")).values;
            try (ReducedTable reduced = reduceTable(request)) {
                List<Double> edges = new ArrayList<>();
                reduced.reduced().get("edges").forEach(edge -> edges.add(edge.asDouble()));
                assertTrue(edges.size() > 2, "edges " + edges);
                assertEquals(edges.get(0), reduced.root().getVector("start").getObject(0));
            }
            // Bins without a value may be left out of either (docs/plan.md): compare those with one.
            expected.values().removeIf(count -> count == 0);
            Map<String, Double> actual = new TreeMapOfRows(reduce(request, "start", "y")).values;
            actual.values().removeIf(count -> count == 0);
            assertEquals(expected, actual, "bins " + bins);
        }
    }

    @Test
    void heatmapsBinManyNumbersAndTimesAsGrammarDoes() throws Exception {
        assertSameCells(new ReduceRequest(ChartKind.HEATMAP, "k", List.of("group"), null, null, null, null,
                WIDTH, 200, 1, 1, false, false));
        assertSameCells(new ReduceRequest(ChartKind.HEATMAP, "ts", List.of("category"), "walk", "group", "max",
                6, WIDTH, 200, 1, 1, false, false));
        assertSameCells(new ReduceRequest(ChartKind.HEATMAP, "noise", List.of("k"), "walk", null, null, null,
                WIDTH, 200, 1, 1, false, false));
    }

    private static void assertSameCells(ReduceRequest request) throws Exception {
        JsonNode plan = grammar(request);
        JsonNode columns = plan.get("columns");
        Map<String, Double> expected = new java.util.TreeMap<>();
        for (int i = 0; i < columns.get("value").size(); i++) {
            JsonNode value = columns.get("value").get(i);
            expected.put(columns.get("x").get(i).asText() + " / " + columns.get("y").get(i).asText() + " / "
                    + text(columns.path("facet").path(i)), value.isNull() ? null : value.asDouble());
        }
        Map<String, Double> actual = new java.util.TreeMap<>();
        try (ReducedTable reduced = reduceTable(request)) {
            VectorSchemaRoot root = reduced.root();
            for (int i = 0; i < root.getRowCount(); i++) {
                FieldVector value = root.getVector("value");
                actual.put(cellLabel(root.getVector("x"), i, reduced, plan.get("x_order")) + " / "
                        + cellLabel(root.getVector("y"), i, reduced, plan.get("y_order")) + " / "
                        + label(root.getVector("facet"), i, reduced.dictionaries()),
                        value.isNull(i) ? null : number(value, i));
            }
        }
        assertTrue(expected.size() > 1, "cells " + expected);
        assertEquals(expected.keySet(), actual.keySet(), request.toString());
        expected.forEach((key, value) -> assertClose(value, actual.get(key), key));
    }

    /** A binned axis' interval index as grammar.py labels it (the order lists the intervals first). */
    private static String cellLabel(FieldVector vector, int row, ReducedTable reduced, JsonNode order) {
        boolean binned = reduced.reduced().has(vector.getName() + "_edges");
        if (!binned || vector.isNull(row)) {
            return label(vector, row, reduced.dictionaries());
        }
        return order.get((int) ((BaseIntVector) vector).getValueAsLong(row)).asText();
    }

    @Test
    void boxesHaveMatplotlibsStatisticsAndSomeOfItsFliers() throws Exception {
        ReduceRequest request = new ReduceRequest(ChartKind.BOX, "group", List.of("noise", "walk"), "category",
                null, null, null, WIDTH, 50, 1, 1, false, false);
        Map<String, JsonNode> expected = new java.util.TreeMap<>();
        for (JsonNode box : grammar(request).get("boxes")) {
            expected.put(box.get(0).asText() + " | " + box.get(1).asText(), box);
        }
        int thinned = 0;
        try (ReducedTable reduced = reduceTable(request)) {
            VectorSchemaRoot root = reduced.root();
            assertEquals(expected.size(), root.getRowCount());
            for (int i = 0; i < root.getRowCount(); i++) {
                String color = label(root.getVector("color"), i, reduced.dictionaries());
                String key = label(root.getVector("x"), i, reduced.dictionaries()) + " | "
                        + label(root.getVector("column"), i, reduced.dictionaries()) + ", " + color;
                JsonNode box = expected.get(key);
                assertTrue(box != null, "a box " + key + " in " + expected.keySet());
                String[] names = {"q1", "median", "q3", "whislo", "whishi"};
                for (int s = 0; s < names.length; s++) {
                    assertClose(box.get(3 + s).asDouble(), number(root.getVector(names[s]), i), key + " " + names[s]);
                }
                assertEquals(box.get(8).asLong(), number(root.getVector("n"), i), key + " n");
                List<Double> all = new ArrayList<>();
                box.get(9).forEach(f -> all.add(f.asDouble()));
                List<?> kept = ((org.apache.arrow.vector.complex.ListVector) root.getVector("fliers")).getObject(i);
                assertTrue(all.containsAll(kept) && kept.size() <= all.size() && (all.isEmpty() == kept.isEmpty()),
                        key + ": fliers " + kept + " of " + all);
                thinned += all.size() - kept.size();
            }
        }
        assertTrue(thinned > 0, "50 pixel rows thin the fliers of 50,000 values");
    }

    @Test
    void reducedTablesReachPandasWithTheirTypesZonesAndCategories() throws Exception {
        ReduceRequest line = request("line", "ts", List.of("walk"), "category", "group", null);
        assertEquals("{\"x\":[\"datetime64[us, Europe/Paris]\"],\"color\":[\"category\",\"zulu\",\"alpha\",\"mike\"],"
                + "\"facet\":[\"str\"],\"y\":[\"float64\"]}", dtypesInPandas(line));
        ReduceRequest box = new ReduceRequest(ChartKind.BOX, "category", List.of("noise"), null, null, null,
                null, WIDTH, 50, 1, 1, false, false);
        assertEquals("{\"x\":[\"category\",\"zulu\",\"alpha\",\"mike\"],\"q1\":[\"float64\"],"
                + "\"median\":[\"float64\"],\"q3\":[\"float64\"],\"whislo\":[\"float64\"],"
                + "\"whishi\":[\"float64\"],\"fliers\":[\"object\"],\"n\":[\"int64\"]}", dtypesInPandas(box));
    }

    /** The pandas dtypes (and categories) of the reduced table as the worker's Arrow reading gives them. */
    private static String dtypesInPandas(ReduceRequest request) throws Exception {
        Path reducedFile = Files.createTempFile("reduced", ".arrow");
        try (ReducedTable reduced = reduceTable(request);
             java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(reducedFile,
                     java.nio.file.StandardOpenOption.WRITE);
             org.apache.arrow.vector.ipc.ArrowFileWriter writer = new org.apache.arrow.vector.ipc.ArrowFileWriter(
                     reduced.root(), reduced.dictionaries(), channel)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        try {
            return python("read_reduced.py", reducedFile.toString()).trim();
        } finally {
            Files.deleteIfExists(reducedFile);
        }
    }

    private static void assertSameAggregates(ReduceRequest request) throws Exception {
        Map<String, Double> expected = new TreeMapOfRows(grammarPlan(request)).values;
        Map<String, Double> actual = new TreeMapOfRows(reduce(request)).values;
        assertTrue(expected.size() > 1, "the plan has groups: " + expected);
        assertEquals(expected.keySet(), actual.keySet(), request.toString());
        expected.forEach((key, value) -> assertClose(value, actual.get(key), request + ": " + key));
    }

    private static void assertClose(Double expected, Double actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
            return;
        }
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), where);
    }

    /** Rows keyed by x, series and facet (each key once in an aggregate). */
    private static final class TreeMapOfRows {
        final Map<String, Double> values = new java.util.TreeMap<>();

        TreeMapOfRows(List<Row> rows) {
            for (Row row : rows) {
                assertTrue(!values.containsKey(row.key()), "one row per key: " + row.key());
                values.put(row.key(), row.y());
            }
        }
    }

    private static Map<String, List<Row>> bySeries(List<Row> rows) {
        Map<String, List<Row>> series = new java.util.TreeMap<>();
        rows.forEach(row -> series.computeIfAbsent(row.series() + " | " + row.facet(), s -> new ArrayList<>()).add(row));
        return series;
    }

    /** M4 by its definition over the plan's rows, which grammar.py sorted by x. */
    @Test
    void m4OnAFinerGridForZoomableOutputs() throws Exception {
        ReduceRequest request = new ReduceRequest(ChartKind.LINE, null, List.of("walk"), null, null, null,
                null, WIDTH, 200, 4, 2, false, false);
        assertEquals(bySeries(expectedM4(grammarPlan(request), request.gridColumns())), bySeries(reduce(request)));
    }

    private static List<Row> expectedM4(List<Row> plan, int columns) {
        AxisRange range = new AxisRange(false);
        plan.stream().filter(row -> row.y() != null).forEach(row -> range.add(((Number) row.x()).doubleValue()));
        List<Row> expected = new ArrayList<>();
        bySeries(plan).forEach((name, rows) -> {
            Map<Integer, TreeSet<Integer>> kept = new java.util.TreeMap<>();
            Map<Integer, int[]> roles = new HashMap<>();  // first, last, least, greatest, first gap, last gap
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                int cell = range.cell(((Number) row.x()).doubleValue(), columns);
                int[] r = roles.computeIfAbsent(cell, c -> new int[] {-1, -1, -1, -1, -1, -1});
                int base = row.y() == null ? 4 : 0;
                r[base] = r[base] < 0 ? i : r[base];
                r[base + 1] = i;
                if (row.y() != null) {
                    r[2] = r[2] < 0 || row.y() < rows.get(r[2]).y() ? i : r[2];
                    r[3] = r[3] < 0 || row.y() > rows.get(r[3]).y() ? i : r[3];
                }
            }
            roles.forEach((cell, r) -> {
                for (int index : r) {
                    if (index >= 0) {
                        kept.computeIfAbsent(cell, c -> new TreeSet<>()).add(index);
                    }
                }
            });
            kept.values().forEach(indices -> indices.forEach(i -> expected.add(rows.get(i))));
        });
        return expected;
    }

    private static List<Row> grammarPlan(ReduceRequest request) throws IOException, InterruptedException {
        return planRows(grammar(request), "x", "y");
    }

    /** The plan's rows as (x, series, facet, y), x and y from the named plan columns. */
    private static List<Row> planRows(JsonNode plan, String xName, String yName) {
        JsonNode columns = plan.get("columns");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < columns.get(yName).size(); i++) {
            JsonNode x = columns.path(xName).path(i);
            Object xValue = x.isMissingNode() || x.isNull() ? null : x.isTextual() ? x.asText()
                    : x.isIntegralNumber() ? (Object) x.asLong() : (Object) x.asDouble();
            JsonNode y = columns.get(yName).get(i);
            rows.add(new Row(xValue, text(columns.path("series").path(i)), text(columns.path("facet").path(i)),
                    y.isNull() ? null : y.asDouble()));
        }
        return rows;
    }

    private static JsonNode grammar(ReduceRequest request) throws IOException, InterruptedException {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("kind", request.kind().optionName());
        spec.put("x", request.x());
        spec.putPOJO("y", request.y());
        spec.put("color", request.color());
        spec.put("facet", request.facet());
        spec.put("agg", request.agg());
        spec.put("bins", request.bins());
        spec.put("width", request.width());
        spec.put("height", request.height());
        spec.put("dpi", ChartSpec.DEFAULT_DPI);
        return JSON.readTree(python("grammar_plan.py", file.toString(), JSON.writeValueAsString(spec)));
    }

    /** Runs one of this test's scripts (src/test/resources/reduce) with the managed Python; its stdout. */
    private static String python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestPython.interpreter().toString(),
                Repo.root().resolve("src/test/resources/reduce").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONPATH", Repo.root().resolve("python-templates").toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process python = builder.start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(300, TimeUnit.SECONDS), script + " finished");
        assertEquals(0, python.exitValue(), script + ": " + output);
        return output;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static List<Row> reduce(ReduceRequest request) throws IOException {
        return reduce(request, "x", "y");
    }

    /** The reduced rows in the plan's terms, x and y from the named columns. */
    private static List<Row> reduce(ReduceRequest request, String xName, String yName) throws IOException {
        try (ReducedTable reduced = reduceTable(request)) {
            assertEquals(ROWS, reduced.reduced().get("rows_read").asLong());
            VectorSchemaRoot root = reduced.root();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < root.getRowCount(); i++) {
                String color = label(root.getVector("color"), i, reduced.dictionaries());
                String column = label(root.getVector("column"), i, reduced.dictionaries());
                String series = column != null && color != null ? column + ", " + color : column != null ? column : color;
                FieldVector y = root.getVector(yName);
                rows.add(new Row(x(root.getVector(xName), i, reduced.dictionaries()), series,
                        label(root.getVector("facet"), i, reduced.dictionaries()),
                        y.isNull(i) ? null : number(y, i)));
            }
            return rows;
        }
    }

    private static ReducedTable reduceTable(ReduceRequest request) throws IOException {
        return Reductions.of(request).reduce(TestTables.source(table.root, table.dictionaries, 4096), allocator);
    }

    private static double number(FieldVector vector, int row) {
        return vector instanceof BaseIntVector ints ? ints.getValueAsLong(row)
                : ((FloatingPointVector) vector).getValueAsDouble(row);
    }

    private static Object x(FieldVector x, int row, DictionaryProvider dictionaries) {
        if (x.getField().getDictionary() == null && x instanceof TimeStampVector stamps) {
            return stamps.isNull(row) ? null : stamps.get(row);
        }
        if (x.getField().getDictionary() == null && x instanceof BaseIntVector ints) {
            return x.isNull(row) ? null : (double) ints.getValueAsLong(row);
        }
        if (x instanceof FloatingPointVector floats) {
            return x.isNull(row) ? null : floats.getValueAsDouble(row);
        }
        return label(x, row, dictionaries);
    }

    /** A key as grammar.py labels it: the value's text, "null" for null; null when the column is absent. */
    private static String label(FieldVector vector, int row, DictionaryProvider dictionaries) {
        if (vector == null) {
            return null;
        }
        if (vector.isNull(row)) {
            return "null";
        }
        if (vector.getField().getDictionary() != null) {
            FieldVector values = dictionaries.lookup(vector.getField().getDictionary().getId()).getVector();
            return String.valueOf(values.getObject((int) ((BaseIntVector) vector).getValueAsLong(row)));
        }
        return String.valueOf(vector.getObject(row));
    }
}
