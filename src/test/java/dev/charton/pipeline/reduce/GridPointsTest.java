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

class GridPointsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void keepsTheFirstRowOfEachSeriesInEachPixelCell() throws Exception {
        try (VectorSchemaRoot root = TestTables.root(9,
                TestTables.numbers(allocator, "a", 0.0, 0.1, 1.0, 2.0, 2.05, 3.0, 4.0, 1.5, null),
                TestTables.numbers(allocator, "b", 0.0, 0.05, 1.0, 2.0, 2.0, 3.0, 4.0, null, 1.5),
                TestTables.text(allocator, "c", "p", "q", "p", "p", "p", "p", "p", "p", "p"));
             ReducedTable table = Reductions.of(TestTables.request(ChartKind.SCATTER, "a", List.of("b"),
                     "c", null, null, null, 4, 4)).reduce(TestTables.source(root, 4), allocator)) {
            // A 4x4 grid over [0, 4] x [0, 4]: rows 1 (another series), 4 and 6 share a cell with an earlier row.
            assertEquals(List.of("x=0.0, color=p, y=0.0", "x=0.1, color=q, y=0.05", "x=1.0, color=p, y=1.0",
                    "x=2.0, color=p, y=2.0", "x=3.0, color=p, y=3.0"), TestTables.rows(table));
            assertEquals("{\"stat\":\"points\",\"rows_read\":9,\"method\":\"grid\",\"pixels\":4}",
                    table.reduced().toString());
        }
    }

    @Test
    void moreThanThirtyColorsAreRefusedAsGrammarDoes() {
        Double[] values = new Double[40];
        String[] colors = new String[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = (double) i;
            colors[i] = "c" + i;
        }
        try (VectorSchemaRoot root = TestTables.root(40, TestTables.numbers(allocator, "a", values),
                TestTables.text(allocator, "c", colors))) {
            ChartonException error = assertThrows(ChartonException.class, () -> Reductions.of(TestTables.request(
                    ChartKind.SCATTER, "a", List.of("a"), "c", null, null, null, 4, 4))
                    .reduce(TestTables.source(root, 8), allocator));
            assertEquals(ExitCode.USAGE, error.exitCode());
            assertEquals("--color 'c' has more than 30 distinct values; one series per value needs at most 30",
                    error.getMessage());
        }
    }
}
