package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AreaGridTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private ReducedTable area(VectorSchemaRoot root, int width) throws Exception {
        return Reductions.of(TestTables.request(ChartKind.AREA, "x", List.of("y"), "s", null, null, null,
                width, 100)).reduce(TestTables.source(root, 3), allocator);
    }

    @Test
    void repeatedXValuesAreSummedPerSeries() throws Exception {
        try (VectorSchemaRoot root = TestTables.root(6, TestTables.numbers(allocator, "x", 1.0, 2.0, 2.0, 3.0, 1.0, 2.0),
                TestTables.numbers(allocator, "y", 1.0, 2.0, 3.0, 4.0, 5.0, null),
                TestTables.text(allocator, "s", "a", "a", "a", "b", "b", "b"));
             ReducedTable table = area(root, 100)) {
            assertEquals(List.of("x=1.0, color=a, y=1.0", "x=2.0, color=a, y=5.0", "x=1.0, color=b, y=5.0",
                    "x=3.0, color=b, y=4.0"), TestTables.rows(table));
        }
    }

    @Test
    void everySeriesIsOnTheUnionOfTheXValuesM4KeptForAny() throws Exception {
        // One pixel column: M4 keeps x 0 (first), 5 (last), 1 (greatest) and 4 (least) of a, x 2 of b;
        // a's row at x 2 comes back because b needs it, a's x 3 stays out.
        try (VectorSchemaRoot root = TestTables.root(7, TestTables.numbers(allocator, "x", 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 2.0),
                TestTables.numbers(allocator, "y", 0.0, 9.0, 1.0, 2.0, -9.0, 3.0, 7.0),
                TestTables.text(allocator, "s", "a", "a", "a", "a", "a", "a", "b"));
             ReducedTable table = area(root, 1)) {
            assertEquals(List.of("x=0.0, color=a, y=0.0", "x=1.0, color=a, y=9.0", "x=2.0, color=a, y=1.0",
                    "x=4.0, color=a, y=-9.0", "x=5.0, color=a, y=3.0", "x=2.0, color=b, y=7.0"), TestTables.rows(table));
        }
    }
}
