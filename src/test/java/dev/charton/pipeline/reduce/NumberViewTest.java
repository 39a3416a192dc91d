package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The count of null rows a column view gives at once agrees with asking each row. */
class NumberViewTest {
    /** More rows than the doubles' view reads at a time, and not a multiple of it. */
    private static final int ROWS = 10_007;
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static long askingEachRow(NumberView view, int count) {
        long nulls = 0;
        for (int row = 0; row < count; row++) {
            nulls += view.isNull(row) ? 1 : 0;
        }
        return nulls;
    }

    private static void assertCounts(FieldVector vector, long expected) {
        NumberView view = NumberView.of(vector);
        assertEquals(expected, view.nullCount(ROWS), vector.getField().toString());
        assertEquals(expected, askingEachRow(view, ROWS), vector.getField().toString());
        // A batch's first rows only: the count stops where asked.
        assertEquals(askingEachRow(view, 5000), view.nullCount(5000));
    }

    /**
     * Fills every row with a number, then makes some NaN, some null over the number written before, and
     * some null over NaN (one null, counted once); the count of null rows.
     */
    private static long withNullsAndNaN(BaseFixedWidthVector vector) {
        FloatingPointVector floats = (FloatingPointVector) vector;
        vector.allocateNew(ROWS);
        long nulls = 0;
        for (int row = 0; row < ROWS; row++) {
            floats.setWithPossibleTruncate(row, row * 0.5);
            boolean nan = row % 7 == 3 || row % 13 == 6;
            if (nan) {
                floats.setWithPossibleTruncate(row, Double.NaN);
            }
            if (row % 11 == 5 || row % 13 == 6) {
                vector.setNull(row);
            }
            nulls += nan || row % 11 == 5 ? 1 : 0;
        }
        vector.setValueCount(ROWS);
        return nulls;
    }

    @Test
    void floatsCountNaNAndNullsWhateverTheBytesOfANullSlot() {
        try (Float8Vector doubles = new Float8Vector("d", allocator);
             Float4Vector floats = new Float4Vector("f", allocator)) {
            assertCounts(doubles, withNullsAndNaN(doubles));
            // float32 has no view of its own: its count asks each row.
            assertCounts(floats, withNullsAndNaN(floats));
        }
        try (Float8Vector full = new Float8Vector("f", allocator)) {
            full.allocateNew(ROWS);
            for (int row = 0; row < ROWS; row++) {
                full.set(row, -row);
            }
            full.setValueCount(ROWS);
            assertCounts(full, 0);
        }
    }

    @Test
    void countsAndTimesCountTheirNullRows() {
        try (BigIntVector longs = new BigIntVector("i", allocator);
             TimeStampMicroVector times = new TimeStampMicroVector("t",
                     new FieldType(true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), null), allocator)) {
            longs.allocateNew(ROWS);
            times.allocateNew(ROWS);
            long expected = 0;
            for (int row = 0; row < ROWS; row++) {
                if (row % 9 == 2) {
                    expected++;
                    longs.setNull(row);
                    times.setNull(row);
                } else {
                    longs.set(row, row);
                    times.set(row, 1_700_000_000_000_000L + row);
                }
            }
            longs.setValueCount(ROWS);
            times.setValueCount(ROWS);
            assertCounts(longs, expected);
            assertCounts(times, expected);
        }
    }
}
