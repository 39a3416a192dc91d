package dev.charton.pipeline.reduce;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static ReduceRequest hist(String color, Integer bins) {
        return TestTables.request(ChartKind.HIST, null, List.of("v"), color, null, null, bins, 100, 100);
    }

    @Test
    void everySeriesIsCountedOnTheSameEdgesOfTheFiniteValues() throws Exception {
        try (VectorSchemaRoot root = TestTables.root(8,
                TestTables.numbers(allocator, "v", 1.0, 2.0, 2.0, 3.0, 4.0, null, Double.POSITIVE_INFINITY, Double.NaN),
                TestTables.text(allocator, "c", "a", "a", "b", "b", "b", "a", "a", "z"));
             ReducedTable table = Reductions.of(hist("c", 3)).reduce(TestTables.source(root, 3), allocator)) {
            // "z" has only a NaN: like grammar.py, no bars for it.
            assertEquals(List.of("color=a, start=1.0, end=2.0, y=1", "color=a, start=2.0, end=3.0, y=1",
                    "color=a, start=3.0, end=4.0, y=0", "color=b, start=1.0, end=2.0, y=0",
                    "color=b, start=2.0, end=3.0, y=1", "color=b, start=3.0, end=4.0, y=2"), TestTables.rows(table));
            assertEquals("{\"stat\":\"bins\",\"rows_read\":8,\"edges\":[1.0,2.0,3.0,4.0]}", table.reduced().toString());
        }
    }

    @Test
    void noFiniteValueIsADataError() {
        try (VectorSchemaRoot root = TestTables.root(2, TestTables.numbers(allocator, "v", null, Double.NaN))) {
            ChartonException error = assertThrows(ChartonException.class,
                    () -> Reductions.of(hist(null, null)).reduce(TestTables.source(root, 3), allocator));
            assertEquals(ExitCode.DATA, error.exitCode());
            assertEquals("no values to count in 'v'", error.getMessage());
        }
    }
}
