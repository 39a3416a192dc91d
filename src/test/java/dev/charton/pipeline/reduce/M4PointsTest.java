package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class M4PointsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    static ReduceRequest line(String x, List<String> y, String color, String facet, int width) {
        return new ReduceRequest(ChartKind.LINE, x, y, color, facet, null, null, width, 100, 1, 1,
                false, false);
    }

    @Test
    void keepsFirstLastLeastAndGreatestPerPixelColumnInXOrderWithTheGap() throws Exception {
        double[] xs = {3, 1, 2, 5, 4, 0, 7, 6, 0.5, 2.5};
        Double[] ys = {4.0, 9.0, 1.0, null, 2.0, 5.0, 3.0, 8.0, 6.0, 3.0};
        Float8Vector x = new Float8Vector("when", allocator);
        Float8Vector y = new Float8Vector("value", allocator);
        for (int i = 0; i < xs.length; i++) {
            x.setSafe(i, xs[i]);
            if (ys[i] != null) {
                y.setSafe(i, ys[i]);
            }
        }
        try (VectorSchemaRoot root = TestTables.root(xs.length, x, y);
             ReducedTable table = Reductions.of(line("when", List.of("value"), null, null, 2))
                     .reduce(TestTables.source(root, 3), allocator)) {
            assertEquals(List.of("x=0.0, y=5.0", "x=1.0, y=9.0", "x=2.0, y=1.0", "x=3.0, y=4.0",
                    "x=4.0, y=2.0", "x=5.0, y=null", "x=6.0, y=8.0", "x=7.0, y=3.0"), TestTables.rows(table));
            assertEquals("{\"stat\":\"points\",\"rows_read\":10,\"method\":\"m4\",\"pixels\":2}",
                    table.reduced().toString());
        }
    }

    @Test
    void aTimeOfDayIsPlacedByItsTimeNotItsRank() throws Exception {
        // 00:00, 00:01, 00:02 and 12:00 over two pixel columns: the first three share the left one.
        TimeMicroVector clock = new TimeMicroVector("clock", allocator);
        Float8Vector y = new Float8Vector("y", allocator);
        long[] minutes = {0, 1, 2, 720};
        for (int i = 0; i < minutes.length; i++) {
            clock.setSafe(i, minutes[i] * 60_000_000L);
            y.setSafe(i, i);
        }
        try (VectorSchemaRoot root = TestTables.root(minutes.length, clock, y);
             ReducedTable table = Reductions.of(line("clock", List.of("y"), null, null, 2))
                     .reduce(TestTables.source(root, 4), allocator)) {
            // Microseconds since midnight. Were the times ranks (0..3), 00:02 would open the right column and stay.
            assertEquals(List.of("x=0, y=0.0", "x=120000000, y=2.0", "x=43200000000, y=3.0"), TestTables.rows(table));
            assertEquals(clock.getField().getType(), table.root().getVector("x").getField().getType());
        }
    }

    @Test
    void keySeriesKeepTheirTypesZonesAndCategoryOrder() throws Exception {
        TimeStampMicroTZVector when = new TimeStampMicroTZVector("when", allocator, "Europe/Paris");
        Float8Vector low = new Float8Vector("low", allocator);
        Float8Vector high = new Float8Vector("high", allocator);
        VarCharVector categories = new VarCharVector("categories", allocator);
        categories.setSafe(0, "zeta".getBytes(StandardCharsets.UTF_8));
        categories.setSafe(1, "alpha".getBytes(StandardCharsets.UTF_8));
        categories.setValueCount(2);
        DictionaryEncoding encoding = new DictionaryEncoding(7, false, new ArrowType.Int(32, true));
        IntVector group = new IntVector("group", new FieldType(true, new ArrowType.Int(32, true), encoding), allocator);
        VarCharVector site = new VarCharVector("site", allocator);
        int[] groups = {1, 0, 1, 0};
        String[] sites = {"north", "north", "south", "north"};
        for (int i = 0; i < 4; i++) {
            when.setSafe(i, 1_700_000_000_000_000L + (3 - i) * 60_000_000L);
            low.setSafe(i, i);
            high.setSafe(i, 10 + i);
            group.setSafe(i, groups[i]);
            site.setSafe(i, sites[i].getBytes(StandardCharsets.UTF_8));
        }
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        dictionaries.put(new Dictionary(categories, encoding));
        try (VectorSchemaRoot root = TestTables.root(4, when, low, high, group, site);
             ReducedTable table = Reductions.of(line("when", List.of("low", "high"), "group", "site", 100))
                     .reduce(TestTables.source(root, dictionaries, 3), allocator)) {
            // Series in order of first appearance (the --y columns one after the other), each in x order.
            assertEquals(List.of(
                    "x=1700000180000000, column=low, color=alpha, facet=north, y=0.0",
                    "x=1700000000000000, column=low, color=zeta, facet=north, y=3.0",
                    "x=1700000120000000, column=low, color=zeta, facet=north, y=1.0",
                    "x=1700000060000000, column=low, color=alpha, facet=south, y=2.0",
                    "x=1700000180000000, column=high, color=alpha, facet=north, y=10.0",
                    "x=1700000000000000, column=high, color=zeta, facet=north, y=13.0",
                    "x=1700000120000000, column=high, color=zeta, facet=north, y=11.0",
                    "x=1700000060000000, column=high, color=alpha, facet=south, y=12.0"), TestTables.rows(table));
            assertEquals(when.getField().getType(), table.root().getVector("x").getField().getType());
            ArrowType.Timestamp type = (ArrowType.Timestamp) table.root().getVector("x").getField().getType();
            assertEquals("Europe/Paris", type.getTimezone());
            Dictionary colors = table.dictionaries().lookup(
                    table.root().getVector("color").getField().getDictionary().getId());
            assertEquals("[zeta, alpha]", List.of(colors.getVector().getObject(0), colors.getVector().getObject(1))
                    .toString());
        } finally {
            categories.close();
        }
    }

    @Test
    void aMillionRowRandomWalkKeepsAtMostFourRowsPerPixelColumn() throws Exception {
        int rows = 1_000_000;
        int width = 800;
        Float8Vector walk = new Float8Vector("walk", allocator);
        walk.allocateNew(rows);
        Random random = new Random(13);
        double value = 0;
        for (int i = 0; i < rows; i++) {
            value += random.nextGaussian();
            walk.set(i, value);
        }
        try (VectorSchemaRoot root = TestTables.root(rows, walk);
             ReducedTable table = Reductions.of(line(null, List.of("walk"), null, null, width))
                     .reduce(TestTables.source(root, 65_536), allocator)) {
            int kept = table.root().getRowCount();
            assertTrue(kept <= 4 * width && kept >= 2 * width, "kept " + kept + " rows");
            BigIntVector x = (BigIntVector) table.root().getVector("x");
            Float8Vector y = (Float8Vector) table.root().getVector("y");
            double least = Double.POSITIVE_INFINITY;
            double greatest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < kept; i++) {
                assertEquals(walk.get((int) x.get(i)), y.get(i), "row " + x.get(i) + " keeps its value");
                assertTrue(i == 0 || x.get(i) > x.get(i - 1), "x order");
                least = Math.min(least, y.get(i));
                greatest = Math.max(greatest, y.get(i));
            }
            assertEquals(0L, x.get(0));
            assertEquals(rows - 1L, x.get(kept - 1));
            double[] extremes = extremes(walk);
            assertEquals(extremes[0], least);
            assertEquals(extremes[1], greatest);
        }
    }

    private static double[] extremes(Float8Vector values) {
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.getValueCount(); i++) {
            least = Math.min(least, values.get(i));
            greatest = Math.max(greatest, values.get(i));
        }
        return new double[] {least, greatest};
    }
}
