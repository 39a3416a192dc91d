package dev.charton.input.parquet;

import dev.charton.input.ColumnRange;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.input.csv.CsvOptions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A column's range from the footer's statistics: over every row group, for the types whose statistics are their Arrow values. */
class RecordedRangesTest {
    @TempDir
    Path tmp;

    /** Small row groups, so the range is the union of many. */
    private static final ParquetFixtures.Layout SMALL_GROUPS = new ParquetFixtures.Layout(CompressionCodecName.SNAPPY,
            ParquetProperties.WriterVersion.PARQUET_2_0, false, 4096);

    @Test
    void theRangeSpansEveryRowGroupInTheVectorsOwnNumbers() throws IOException {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int row = i;
            rows.add(g -> {
                g.add("ts", 1_700_000_000_000_000L + 1000L * row);
                g.add("v", Math.sin(row) * row);
                g.add("day", 19000 + row % 400);
                if (row % 7 != 0) {
                    g.add("sparse", (long) row);
                }
            });
        }
        Path file = ParquetFixtures.write(tmp.resolve("ranges.parquet"), """
                message m {
                  required int64 ts (TIMESTAMP(MICROS,true));
                  required double v;
                  required int32 day (DATE);
                  optional int64 sparse;
                }""", SMALL_GROUPS, rows);
        double vMin = Double.POSITIVE_INFINITY, vMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 5000; i++) {
            vMin = Math.min(vMin, Math.sin(i) * i);
            vMax = Math.max(vMax, Math.sin(i) * i);
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            assertTrue(footer.getRowGroups().size() > 3, "row groups: " + footer.getRowGroups().size());
        }
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = ParquetFixtures.open(file, null, allocator)) {
            assertEquals(Optional.of(new ColumnRange(1.7e15, 1.7e15 + 4_999_000, false)), reader.recordedRange("ts"));
            assertEquals(Optional.of(new ColumnRange(vMin, vMax, false)), reader.recordedRange("v"));
            assertEquals(Optional.of(new ColumnRange(19000, 19399, false)), reader.recordedRange("day"));
            assertEquals(Optional.of(new ColumnRange(1, 4999, true)), reader.recordedRange("sparse"));
            assertEquals(Optional.empty(), reader.recordedRange("missing"));
        }
    }

    @Test
    void unsignedDecimalAndTextColumnsAndColumnsLeftOutHaveNoRange() throws IOException {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int row = i;
            rows.add(g -> {
                g.add("u", -1L - row);
                g.add("d", 12345L * row);
                g.add("s", "row " + row);
                g.add("kept", row);
            });
        }
        Path file = ParquetFixtures.write(tmp.resolve("others.parquet"), """
                message m {
                  required int64 u (INTEGER(64,false));
                  required int64 d (DECIMAL(18,2));
                  required binary s (STRING);
                  required int32 kept;
                }""", ParquetFixtures.Layout.plain(), rows);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader all = ParquetFixtures.open(file, null, allocator);
             TableReader projected = ParquetFixtures.open(file, List.of("kept"), allocator)) {
            assertEquals(Optional.empty(), all.recordedRange("u"));
            assertEquals(Optional.empty(), all.recordedRange("d"));
            assertEquals(Optional.empty(), all.recordedRange("s"));
            assertEquals(Optional.of(new ColumnRange(0, 9, false)), all.recordedRange("kept"));
            assertEquals(Optional.empty(), projected.recordedRange("u"));
            assertEquals(Optional.of(new ColumnRange(0, 9, false)), projected.recordedRange("kept"));
        }
    }

    @Test
    void aLimitHidesTheRange() throws IOException {
        Path file = ParquetFixtures.write(tmp.resolve("limit.parquet"), "message m { required int32 n; }",
                ParquetFixtures.Layout.plain(), List.of(g -> g.add("n", 1), g -> g.add("n", 2)));
        ReadOptions firstRow = new ReadOptions(null, CsvOptions.defaults(), null, 1);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader limited = TableReaders.open(InputSource.of(file.toString()), firstRow, allocator)) {
            assertEquals(Optional.empty(), limited.recordedRange("n"));
        }
    }
}
