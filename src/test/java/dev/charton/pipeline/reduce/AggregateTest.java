package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AggregateTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static ReduceRequest request(ChartKind kind, String x, List<String> y, String color, String agg) {
        return new ReduceRequest(kind, x, y, color, null, agg, null, 640, 480, 1, 1, false, false);
    }

    private VarCharVector text(String name, String... values) {
        return TestTables.text(allocator, name, values);
    }

    private Float8Vector numbers(String name, Double... values) {
        return TestTables.numbers(allocator, name, values);
    }

    @Test
    void aBarWithoutYCountsRowsAndKeepsACategoricalNullX() throws Exception {
        try (VectorSchemaRoot root = TestTables.root(6, text("fruit", "pear", "fig", null, "pear", "fig", "pear"),
                text("shop", "a", "a", "b", "b", "a", null));
             ReducedTable table = Reductions.of(request(ChartKind.BAR, "fruit", List.of(), "shop", null))
                     .reduce(TestTables.source(root, 4), allocator)) {
            assertEquals(List.of("x=pear, color=a, y=1.0", "x=fig, color=a, y=2.0", "x=null, color=b, y=1.0",
                    "x=pear, color=b, y=1.0", "x=pear, color=null, y=1.0"), TestTables.rows(table));
            assertEquals("{\"stat\":\"aggregate\",\"rows_read\":6,\"agg\":\"count\"}", table.reduced().toString());
        }
    }

    @Test
    void aBarOfRepeatedXSumsAndOneWithoutRepeatsNamesNoAggregation() throws Exception {
        try (VectorSchemaRoot repeated = TestTables.root(4, text("k", "b", "a", "b", "c"),
                numbers("v", 1.0, 2.0, 3.0, null));
             ReducedTable sums = Reductions.of(request(ChartKind.BAR, "k", List.of("v"), null, null))
                     .reduce(TestTables.source(repeated, 3), allocator)) {
            // c has only a null value: the row is dropped before grouping, so it has no bar.
            assertEquals(List.of("x=b, y=4.0", "x=a, y=2.0"), TestTables.rows(sums));
            assertEquals("sum", sums.reduced().get("agg").asText());
        }
        try (VectorSchemaRoot distinct = TestTables.root(2, text("k", "b", "a"), numbers("v", 1.0, 2.0));
             ReducedTable plain = Reductions.of(request(ChartKind.BAR, "k", List.of("v"), null, null))
                     .reduce(TestTables.source(distinct, 3), allocator)) {
            assertEquals(List.of("x=b, y=1.0", "x=a, y=2.0"), TestTables.rows(plain));
            assertEquals("{\"stat\":\"aggregate\",\"rows_read\":2,\"agg\":null}", plain.reduced().toString());
        }
    }

    @Test
    void aLineAggregateKeepsNullYRowsAsPandasDoesAndSortsAlongATimestampX() throws Exception {
        for (String agg : List.of("mean", "sum", "count", "min")) {
            // Nanoseconds apart, a billion seconds after the epoch: too close for doubles to tell apart.
            TimeStampNanoTZVector when = new TimeStampNanoTZVector("when", allocator, "America/New_York");
            long[] stamps = {3, 1, 3, 2, 1};
            for (int i = 0; i < stamps.length; i++) {
                when.setSafe(i, 1_000_000_000_000_000_000L + stamps[i]);
            }
            try (VectorSchemaRoot root = TestTables.root(6, when, numbers("a", 1.0, null, 2.0, null, 5.0, 9.0),
                    numbers("b", 10.0, 20.0, 30.0, 40.0, 50.0, 60.0));
                 ReducedTable table = Reductions.of(request(ChartKind.LINE, "when", List.of("a", "b"), null, agg))
                         .reduce(TestTables.source(root, 2), allocator)) {
                List<String> expected = switch (agg) {
                    // x 1 of "a" has a null and a 5: its mean is 5; x 2 of "a" has only a null.
                    case "mean" -> List.of("1000000000000000001, column=a, y=5.0", "1000000000000000001, column=b, y=35.0",
                            "1000000000000000002, column=a, y=null", "1000000000000000002, column=b, y=40.0",
                            "1000000000000000003, column=a, y=1.5", "1000000000000000003, column=b, y=20.0");
                    case "sum" -> List.of("1000000000000000001, column=a, y=5.0", "1000000000000000001, column=b, y=70.0",
                            "1000000000000000002, column=a, y=0.0", "1000000000000000002, column=b, y=40.0",
                            "1000000000000000003, column=a, y=3.0", "1000000000000000003, column=b, y=40.0");
                    case "count" -> List.of("1000000000000000001, column=a, y=2.0", "1000000000000000001, column=b, y=2.0",
                            "1000000000000000002, column=a, y=1.0", "1000000000000000002, column=b, y=1.0",
                            "1000000000000000003, column=a, y=2.0", "1000000000000000003, column=b, y=2.0");
                    default -> List.of("1000000000000000001, column=a, y=5.0", "1000000000000000001, column=b, y=20.0",
                            "1000000000000000002, column=a, y=null", "1000000000000000002, column=b, y=40.0",
                            "1000000000000000003, column=a, y=1.0", "1000000000000000003, column=b, y=10.0");
                };
                assertEquals(expected, TestTables.rows(table).stream().map(r -> r.substring(2)).toList(), agg);
                ArrowType.Timestamp type = (ArrowType.Timestamp) table.root().getVector("x").getField().getType();
                assertEquals("America/New_York", type.getTimezone());
            }
        }
    }

    @Test
    void aBarOfLargeIntegersGroupsThemExactly() throws Exception {
        BigIntVector big = new BigIntVector("id", allocator);
        long[] ids = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (int i = 0; i < ids.length; i++) {
            big.setSafe(i, ids[i]);
        }
        try (VectorSchemaRoot root = TestTables.root(3, big, numbers("v", 1.0, 2.0, 4.0));
             ReducedTable table = Reductions.of(request(ChartKind.BAR, "id", List.of("v"), null, "max"))
                     .reduce(TestTables.source(root, 2), allocator)) {
            assertEquals(List.of("x=" + Long.MAX_VALUE + ", y=4.0", "x=" + (Long.MAX_VALUE - 1) + ", y=2.0"),
                    TestTables.rows(table));
        }
    }
}
