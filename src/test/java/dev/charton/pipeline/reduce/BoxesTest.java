package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxesTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void eachGroupHasItsQuartilesWhiskersAndFliers() throws Exception {
        Double[] values = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 100.0, 5.0, null, 2.0};
        String[] groups = {"g", "g", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", null};
        try (VectorSchemaRoot root = TestTables.root(values.length, TestTables.numbers(allocator, "v", values),
                TestTables.text(allocator, "k", groups));
             ReducedTable table = Reductions.of(TestTables.request(ChartKind.BOX, "k", List.of("v"), null,
                     null, null, null, 100, 100)).reduce(TestTables.source(root, 4), allocator)) {
            // numpy's linear quartiles of 1..9, 100: positions 2.25, 4.5 and 6.75; fences at -3.5 and 14.5.
            assertEquals(List.of(
                    "x=g, q1=3.25, median=5.5, q3=7.75, whislo=1.0, whishi=9.0, fliers=[100.0], n=10",
                    "x=h, q1=5.0, median=5.0, q3=5.0, whislo=5.0, whishi=5.0, fliers=[], n=1",
                    "x=null, q1=2.0, median=2.0, q3=2.0, whislo=2.0, whishi=2.0, fliers=[], n=1"),
                    TestTables.rows(table));
            assertEquals("{\"stat\":\"box\",\"rows_read\":13}", table.reduced().toString());
        }
    }
}
