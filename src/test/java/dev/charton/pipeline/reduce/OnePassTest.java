package dev.charton.pipeline.reduce;

import dev.charton.input.ColumnRange;
import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lines and scatters read a source once when it recorded the ranges of their columns (as a Parquet
 * footer does), and draw exactly what the two passes over a spill draw; a range recorded wrong is
 * caught and the two passes run.
 */
class OnePassTest {
    private static final int ROWS = 20_000;
    private static final String[] GROUPS = {"north", "south", "east"};

    private final BufferAllocator allocator = new RootAllocator();
    private VectorSchemaRoot root;
    private ColumnRange xRange;
    private ColumnRange yRange;
    private ColumnRange delayRange;

    @BeforeEach
    void table() {
        Random random = new Random(7);
        Float8Vector x = new Float8Vector("x", allocator);
        Float8Vector y = new Float8Vector("y", allocator);
        VarCharVector group = new VarCharVector("group", allocator);
        Float8Vector delay = new Float8Vector("delay", allocator);
        double walk = 0;
        for (int i = 0; i < ROWS; i++) {
            x.setSafe(i, random.nextDouble() * 1000 - 200);
            walk += random.nextGaussian();
            y.setSafe(i, walk);
            group.setSafe(i, GROUPS[random.nextInt(GROUPS.length)].getBytes(StandardCharsets.UTF_8));
            // Delays: mostly small, a few long ones, as flights have.
            delay.setSafe(i, random.nextInt(100) == 0 ? 200 + random.nextDouble() * 800 : random.nextGaussian() * 10);
        }
        root = TestTables.root(ROWS, x, y, group, delay);
        delayRange = range(delay);
        xRange = range(x);
        yRange = range(y);
    }

    @AfterEach
    void close() {
        root.close();
        allocator.close();
    }

    @Test
    void aLineOfRecordedColumnsIsReadOnceAndDrawnAsFromTheSpill() throws Exception {
        ReduceRequest line = TestTables.request(ChartKind.LINE, "x", List.of("y"), "group", null, null, null, 300, 200);
        assertOnePassMatchesTwo(line, Map.of("x", xRange, "y", yRange), OptionalLong.empty());
    }

    @Test
    void aLineOverTheRowNumberNeedsTheRecordedRowCount() throws Exception {
        ReduceRequest line = TestTables.request(ChartKind.LINE, null, List.of("y"), null, null, null, null, 300, 200);
        assertOnePassMatchesTwo(line, Map.of("y", yRange), OptionalLong.of(ROWS));
    }

    @Test
    void aScatterOfRecordedColumnsIsReadOnceAndDrawnAsFromTheSpill() throws Exception {
        ReduceRequest scatter = TestTables.request(ChartKind.SCATTER, "x", List.of("y"), "group", null, null, null,
                120, 80);
        assertOnePassMatchesTwo(scatter, Map.of("x", xRange, "y", yRange), OptionalLong.empty());
    }

    @Test
    void aRangeRecordedWrongIsCaughtAndTheSpillDecides() throws Exception {
        ColumnRange narrower = new ColumnRange(xRange.min() + 1, xRange.max(), false);
        for (ChartKind kind : List.of(ChartKind.LINE, ChartKind.SCATTER)) {
            ReduceRequest request = TestTables.request(kind, "x", List.of("y"), null, null, null, null, 300, 200);
            RecordedSource wrong = recorded(Map.of("x", narrower, "y", yRange), OptionalLong.empty());
            assertEquals(reduce(request, TestTables.source(root, 1000)), reduce(request, wrong), kind.toString());
            assertEquals(2, wrong.scans(), kind + ": the void pass, then the one that fills the spill");
        }
    }

    @Test
    void aHistogramOfARecordedColumnIsCountedInOnePass() throws Exception {
        for (Integer bins : new Integer[] {null, 30}) {
            ReduceRequest hist = TestTables.request(ChartKind.HIST, null, List.of("delay"), "group", null, null, bins,
                    300, 200);
            assertOnePassMatchesTwo(hist, Map.of("delay", delayRange), OptionalLong.of(ROWS));
        }
    }

    /** A random walk's quartiles are far apart: the counts cannot show that "auto" gives 100 bins or more. */
    @Test
    void aHistogramWhoseAutoBinsNeedTheQuartilesReadsAgain() throws Exception {
        ReduceRequest hist = TestTables.request(ChartKind.HIST, null, List.of("y"), null, null, null, null, 300, 200);
        RecordedSource recorded = recorded(Map.of("y", yRange), OptionalLong.of(ROWS));
        assertEquals(reduce(hist, TestTables.source(root, 1000)), reduce(hist, recorded));
        assertEquals(2, recorded.scans(), "the counting pass, then the one that fills the spill");
    }

    /** Rows without a y do not count in the x extent, so a column with nulls says nothing of it. */
    @Test
    void aColumnWithNullsIsNotPlacedFromItsRecord() throws Exception {
        ReduceRequest line = TestTables.request(ChartKind.LINE, "x", List.of("y"), null, null, null, null, 300, 200);
        // Recorded wrong too: a pass placed on it would be void and the table read twice.
        ColumnRange narrower = new ColumnRange(xRange.min() + 1, xRange.max(), false);
        RecordedSource withNulls = recorded(Map.of("x", narrower, "y", new ColumnRange(yRange.min(), yRange.max(), true)),
                OptionalLong.empty());
        assertEquals(reduce(line, TestTables.source(root, 1000)), reduce(line, withNulls));
        assertEquals(1, withNulls.scans(), "only the pass that fills the spill");
    }

    private void assertOnePassMatchesTwo(ReduceRequest request, Map<String, ColumnRange> ranges, OptionalLong rows)
            throws Exception {
        RecordedSource recorded = recorded(ranges, rows);
        List<String> once = reduce(request, recorded);
        assertEquals(1, recorded.scans(), "read once, by a pass that stands (a void one is followed by another)");
        assertEquals(reduce(request, TestTables.source(root, 1000)), once);
        assertEquals(true, once.size() > 50, "a real reduction: " + once.size() + " rows");
    }

    private List<String> reduce(ReduceRequest request, BatchSource source) throws Exception {
        try (ReducedTable table = Reductions.of(request).reduce(source, allocator)) {
            return TestTables.rows(table);
        }
    }

    private static ColumnRange range(Float8Vector vector) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vector.getValueCount(); i++) {
            min = Math.min(min, vector.get(i));
            max = Math.max(max, vector.get(i));
        }
        return new ColumnRange(min, max, false);
    }

    private RecordedSource recorded(Map<String, ColumnRange> ranges, OptionalLong rows) {
        return new RecordedSource(root, 1000, ranges, rows);
    }
}
