package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowSpillTest {
    private record Row(long key, double value, int group) {
    }

    private static List<Row> readAll(RowSpill spill) throws IOException {
        List<Row> rows = new ArrayList<>();
        spill.forEachBlock((keys, values, groups, length) -> {
            for (int i = 0; i < length; i++) {
                rows.add(new Row(keys[i], values[i], groups[i]));
            }
        });
        return rows;
    }

    @Test
    void rowsBeyondTheThresholdGoToAFileAndComeBackInOrderEveryPass() throws IOException {
        Random random = new Random(5);
        List<Row> added = new ArrayList<>();
        try (RowSpill spill = new RowSpill(1000)) {
            for (int i = 0; i < 12_345; i++) {
                Row row = new Row(random.nextLong(), i % 7 == 0 ? Double.NaN : random.nextGaussian(), random.nextInt(30));
                added.add(row);
                spill.add(row.key(), row.value(), row.group());
            }
            assertTrue(spill.spilled());
            assertEquals(added.size(), spill.size());
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(added, readAll(spill), "pass " + pass);
            }
            assertThrows(IllegalStateException.class, spill::values, "NaN values are no DoubleSource");
        }
    }

    @Test
    void finiteValuesAreADoubleSourceWithTheirExtent() throws IOException {
        try (RowSpill spill = new RowSpill(2)) {
            for (double value : new double[] {3, -1, 8, 2, 5}) {
                spill.add(0, value, 0);
            }
            DoubleSource values = spill.values();
            assertEquals(5, values.count());
            assertEquals(-1, values.min());
            assertEquals(8, values.max());
            double[] sum = {0};
            values.forEachBlock((block, length) -> {
                for (int i = 0; i < length; i++) {
                    sum[0] += block[i];
                }
            });
            assertEquals(17, sum[0]);
        }
    }

    @Test
    void fewRowsStayInMemory() throws IOException {
        try (RowSpill spill = new RowSpill(10)) {
            spill.add(1, 2, 3);
            assertFalse(spill.spilled());
            assertEquals(List.of(new Row(1, 2, 3)), readAll(spill));
        }
    }
}
