package dev.charton.pipeline.reduce;

import dev.charton.input.ColumnRange;
import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-pass reduction split across lanes ({@link Lanes}) keeps exactly what one lane keeps, and
 * what the two passes over a spill keep, on a table made to find the difference: x values repeated
 * and out of order (ties for first and last), y rounded to a few values (ties for least and
 * greatest), nulls and NaN (gaps), two --y columns, --color and --facet, batches that split into
 * several shares and one too small to split.
 */
class SplitReductionTest {
    private static final int ROWS = 60_000;
    private static final int BATCH_ROWS = 25_000;
    private static final String[] COLORS = {"red", "green", "blue"};
    private static final String[] SITES = {"north", "south"};

    private final BufferAllocator allocator = new RootAllocator();
    private VectorSchemaRoot root;
    private Map<String, ColumnRange> ranges;

    @BeforeEach
    void table() {
        Random random = new Random(41);
        BigIntVector t = new BigIntVector("t", allocator);
        Float8Vector level = new Float8Vector("level", allocator);
        Float8Vector flow = new Float8Vector("flow", allocator);
        VarCharVector color = new VarCharVector("color", allocator);
        VarCharVector site = new VarCharVector("site", allocator);
        double walk = 0;
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ROWS; i++) {
            // Each x three times, far apart in the table.
            t.setSafe(i, (i * 7_919L) % (ROWS / 3));
            walk += random.nextGaussian();
            double rounded = Math.round(walk / 4) * 4.0;
            level.setSafe(i, rounded);
            if (i % 13 == 5) {
                flow.setNull(i);
            } else if (i % 17 == 3) {
                flow.setSafe(i, Double.NaN);
            } else {
                flow.setSafe(i, random.nextInt(9) - 4);
            }
            least = Math.min(least, rounded);
            greatest = Math.max(greatest, rounded);
            color.setSafe(i, COLORS[random.nextInt(COLORS.length)].getBytes(StandardCharsets.UTF_8));
            site.setSafe(i, SITES[(i / 1000) % SITES.length].getBytes(StandardCharsets.UTF_8));
        }
        root = TestTables.root(ROWS, t, level, flow, color, site);
        // What a Parquet footer would record: the extents, and (so a one-pass read is tried) no nulls.
        ranges = Map.of("t", new ColumnRange(0, ROWS / 3 - 1, false), "level", new ColumnRange(least, greatest, false),
                "flow", new ColumnRange(-4, 4, false));
    }

    @AfterEach
    void close() {
        root.close();
        allocator.close();
    }

    @Test
    void aLineSplitAcrossLanesKeepsWhatOneLaneAndTheSpillKeep() throws Exception {
        for (String facet : new String[] {null, "site"}) {
            ReduceRequest line = TestTables.request(ChartKind.LINE, "t", List.of("level", "flow"), "color", facet,
                    null, null, 300, 200);
            RecordedSource serial = recorded();
            List<String> oneLane = reduce(new M4Points(line, 1), serial);
            assertEquals(1, serial.scans(), "read in one pass");
            for (int lanes : new int[] {2, 3, 5}) {
                RecordedSource split = recorded();
                assertEquals(oneLane, reduce(new M4Points(line, lanes), split), lanes + " lanes, facet " + facet);
                assertEquals(1, split.scans());
            }
            assertEquals(oneLane, reduce(new M4Points(line, 1), TestTables.source(root, BATCH_ROWS)), "the spill");
            assertTrue(oneLane.size() > 1000, "a real reduction: " + oneLane.size() + " rows");
            assertTrue(oneLane.stream().anyMatch(row -> row.endsWith("y=null")), "with the gaps");
        }
    }

    @Test
    void aLineWithoutColorSplitsItsColumnsAlike() throws Exception {
        ReduceRequest line = TestTables.request(ChartKind.LINE, "t", List.of("flow", "level"), null, null, null, null,
                500, 200);
        List<String> oneLane = reduce(new M4Points(line, 1), recorded());
        assertEquals(oneLane, reduce(new M4Points(line, 4), recorded()));
        assertEquals(oneLane, reduce(new M4Points(line, 1), TestTables.source(root, BATCH_ROWS)));
    }

    /** One --y column without --color: each lane's share goes to the M4 as a run of the batch's rows. */
    @Test
    void aSingleLineTakenAsRunsOfRowsKeepsWhatTheSpillKeeps() throws Exception {
        for (String y : new String[] {"flow", "level"}) {
            ReduceRequest line = TestTables.request(ChartKind.LINE, "t", List.of(y), null, null, null, null, 300, 200);
            RecordedSource serial = recorded();
            List<String> oneLane = reduce(new M4Points(line, 1), serial);
            assertEquals(1, serial.scans(), "read in one pass");
            for (int lanes : new int[] {2, 3, 5}) {
                assertEquals(oneLane, reduce(new M4Points(line, lanes), recorded()), lanes + " lanes of " + y);
            }
            assertEquals(oneLane, reduce(new M4Points(line, 1), TestTables.source(root, BATCH_ROWS)), "the spill");
            assertTrue(oneLane.size() > 500, "a real reduction: " + oneLane.size() + " rows");
        }
    }

    /** Counted on as many lanes as the machine has cores, against the counts of the spill. */
    @Test
    void aHistogramCountedInLanesCountsAsTheSpill() throws Exception {
        ReduceRequest hist = TestTables.request(ChartKind.HIST, null, List.of("level", "flow"), "color", "site",
                null, 40, 300, 200);
        RecordedSource recorded = recorded();
        List<String> once = reduce(Reductions.of(hist), recorded);
        assertEquals(1, recorded.scans(), "read in one pass");
        assertEquals(reduce(Reductions.of(hist), TestTables.source(root, BATCH_ROWS)), once);
    }

    private List<String> reduce(Reduction reduction, BatchSource source) throws IOException {
        try (ReducedTable table = reduction.reduce(source, allocator)) {
            return TestTables.rows(table);
        }
    }

    /** The table in batches that split into lanes, with the ranges a footer would record. */
    private RecordedSource recorded() {
        return new RecordedSource(root, BATCH_ROWS, ranges, OptionalLong.of(ROWS));
    }
}
