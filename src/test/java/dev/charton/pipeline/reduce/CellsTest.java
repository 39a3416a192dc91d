package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CellsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static ReduceRequest heatmap(String value, String agg) {
        return TestTables.request(ChartKind.HEATMAP, "a", List.of("b"), value, null, agg, null, 100, 100);
    }

    private VectorSchemaRoot categories() {
        return TestTables.root(5, TestTables.text(allocator, "a", "p", "p", "q", "p", null),
                TestTables.text(allocator, "b", "u", "u", "v", "v", "u"),
                TestTables.numbers(allocator, "w", 1.0, 3.0, null, 4.0, 5.0));
    }

    @Test
    void categoricalCellsHoldTheMeanOfTheValueOrTheRowCount() throws Exception {
        try (VectorSchemaRoot root = categories();
             ReducedTable means = Reductions.of(heatmap("w", null)).reduce(TestTables.source(root, 2), allocator);
             ReducedTable counts = Reductions.of(heatmap(null, null)).reduce(TestTables.source(root, 2), allocator)) {
            assertEquals(List.of("x=p, y=u, value=2.0", "x=q, y=v, value=null", "x=p, y=v, value=4.0",
                    "x=null, y=u, value=5.0"), TestTables.rows(means));
            assertEquals("{\"stat\":\"cells\",\"rows_read\":5,\"agg\":\"mean\"}", means.reduced().toString());
            assertEquals(List.of("x=p, y=u, value=2.0", "x=q, y=v, value=1.0", "x=p, y=v, value=1.0",
                    "x=null, y=u, value=1.0"), TestTables.rows(counts));
        }
    }

    @Test
    void aNumberWithMoreThanFiftyValuesIsBinnedOnRoundEdges() throws Exception {
        Double[] values = new Double[60];
        String[] labels = new String[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = (double) i;
            labels[i] = "u";
        }
        try (VectorSchemaRoot root = TestTables.root(60, TestTables.numbers(allocator, "a", values),
                TestTables.text(allocator, "b", labels));
             ReducedTable table = Reductions.of(heatmap(null, null)).reduce(TestTables.source(root, 7), allocator)) {
            List<String> expected = new ArrayList<>();
            for (int bin = 0; bin < 6; bin++) {
                expected.add("x=" + bin + ", y=u, value=10.0");
            }
            assertEquals(expected, TestTables.rows(table));
            assertEquals("[0.0,10.0,20.0,30.0,40.0,50.0,60.0]", table.reduced().get("x_edges").toString());
        }
    }

    @Test
    void binnedTimesSendTheirCalendarStepAndEdgesInTheirOwnUnit() throws Exception {
        TimeStampMilliTZVector times = new TimeStampMilliTZVector("a", allocator, "Europe/Paris");
        String[] labels = new String[60];
        for (int i = 0; i < 60; i++) {
            times.setSafe(i, 1_735_689_600_000L + i * 86_400_000L); // 60 days from Wednesday 2025-01-01
            labels[i] = "u";
        }
        times.setValueCount(60);
        try (VectorSchemaRoot root = TestTables.root(60, times, TestTables.text(allocator, "b", labels));
             ReducedTable table = Reductions.of(heatmap(null, null)).reduce(TestTables.source(root, 7), allocator)) {
            assertEquals("{\"unit\":\"week\",\"multiple\":1,\"nanos_per_unit\":1000000}",
                    table.reduced().get("x_calendar").toString());
            assertEquals(1_735_516_800_000L, table.reduced().get("x_edges").get(0).asLong(), "Monday 2024-12-30, UTC");
            assertEquals(10, table.reduced().get("x_edges").size());
            assertFalse(table.reduced().has("y_calendar"), "a categorical axis is not binned");
        }
    }

    @Test
    void binnedTimesOfDayGoInTheirOwnUnitSinceMidnight() throws Exception {
        TimeMicroVector clock = new TimeMicroVector("a", allocator);
        IntStream.range(0, 60).forEach(i -> clock.setSafe(i, (8 * 3_600 + i * 600) * 1_000_000L)); // 08:00 to 17:50
        clock.setValueCount(60);
        String[] oneLabel = Collections.nCopies(60, "u").toArray(String[]::new);
        try (VectorSchemaRoot root = TestTables.root(60, clock, TestTables.text(allocator, "b", oneLabel));
             ReducedTable table = Reductions.of(heatmap(null, null)).reduce(TestTables.source(root, 7), allocator)) {
            // Ten hours into at most 50 intervals: 15 minutes each, microseconds (not milliseconds) per unit.
            assertEquals("{\"unit\":\"minute\",\"multiple\":15,\"nanos_per_unit\":1000,\"time_of_day\":true}",
                    table.reduced().get("x_calendar").toString());
            assertEquals(8 * 3_600 * 1_000_000L, table.reduced().get("x_edges").get(0).asLong(), "08:00");
            assertEquals(41, table.reduced().get("x_edges").size());
        }
    }
}
