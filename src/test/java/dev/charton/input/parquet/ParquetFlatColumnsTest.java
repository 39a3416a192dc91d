package dev.charton.input.parquet;

import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column-at-a-time path for flat columns gives exactly what parquet-java's record assembly
 * gives, batch by batch: every flat physical and logical type, plain and dictionary pages (and the
 * writer's fall-back from one to the other within a chunk), v1 and v2 data pages, nulls, several
 * row groups, projections in any order, and batches that end inside a page.
 */
class ParquetFlatColumnsTest {
    private static final String SCHEMA = """
            message m {
              required int64 id;
              optional boolean flag;
              optional int32 i8 (INTEGER(8,true));
              optional int32 i16 (INTEGER(16,true));
              optional int32 i32;
              optional int32 u8 (INTEGER(8,false));
              optional int32 u16 (INTEGER(16,false));
              optional int32 u32 (INTEGER(32,false));
              optional int64 i64;
              optional int64 u64 (INTEGER(64,false));
              optional int32 day (DATE);
              optional int32 millis_of_day (TIME(MILLIS,true));
              optional int64 micros_of_day (TIME(MICROS,true));
              optional int64 nanos_of_day (TIME(NANOS,false));
              optional int64 ts_ms (TIMESTAMP(MILLIS,true));
              optional int64 ts_us (TIMESTAMP(MICROS,false));
              optional int64 ts_ns (TIMESTAMP(NANOS,true));
              optional int96 legacy_ts;
              optional float f32;
              optional double f64;
              optional fixed_len_byte_array(2) f16 (FLOAT16);
              optional binary text (STRING);
              required binary unique_text (STRING);
              optional binary raw;
              optional fixed_len_byte_array(5) fixed;
              optional int32 dec32 (DECIMAL(9,2));
              optional int64 dec64 (DECIMAL(18,3));
              optional fixed_len_byte_array(16) dec128 (DECIMAL(38,4));
              optional binary dec_bin (DECIMAL(20,2));
            }""";
    /** Over two batches of 65,536 rows, so one batch ends inside a page and inside a row group. */
    private static final int ROWS = 140_000;

    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (WriterVersion pages : WriterVersion.values()) {
            for (boolean dictionary : List.of(false, true)) {
                all.add(Arguments.of(pages, dictionary));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} dictionary={1}")
    @MethodSource("layouts")
    void everyFlatTypeReadsAsRecordAssemblyReadsIt(WriterVersion pages, boolean dictionary) throws Exception {
        // Row groups of about 1 MB: the file has several, and batches straddle them.
        Path file = ParquetFixtures.write(dir.resolve("flat.parquet"), SCHEMA,
                new ParquetFixtures.Layout(CompressionCodecName.SNAPPY, pages, dictionary, 1 << 20), rows(ROWS));
        assertSameBatches(file, null, 65_536);
    }

    /**
     * The flat path decompresses data pages from one direct buffer into another (each codec's own
     * direct call, or through arrays for gzip); record assembly reads its chunks on the heap.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codecs")
    void everyCodecDecompressesOffTheHeapAsOnIt(CompressionCodecName codec, WriterVersion pages) throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("codec.parquet"), SCHEMA,
                new ParquetFixtures.Layout(codec, pages, true, 1 << 18), rows(5_000));
        assertSameBatches(file, null, 4_096);
    }

    static Stream<Arguments> codecs() {
        List<Arguments> all = new ArrayList<>();
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW, CompressionCodecName.GZIP)) {
            for (WriterVersion pages : WriterVersion.values()) {
                all.add(Arguments.of(codec, pages));
            }
        }
        return all.stream();
    }

    @Test
    void batchesThatEndAnywhereInAPageReadTheSame() throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("small.parquet"), SCHEMA,
                new ParquetFixtures.Layout(CompressionCodecName.UNCOMPRESSED, WriterVersion.PARQUET_1_0, true, 1 << 16),
                rows(5_000));
        for (int batchRows : List.of(1, 999, 1000, 1001, 4_999)) {
            assertSameBatches(file, null, batchRows);
        }
    }

    @Test
    void aProjectionInAnotherOrderReadsTheSame() throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("projected.parquet"), SCHEMA,
                new ParquetFixtures.Layout(CompressionCodecName.ZSTD, WriterVersion.PARQUET_2_0, true), rows(3_000));
        assertSameBatches(file, List.of("text", "f64", "id", "ts_us"), 1_024);
    }

    /** Reads the file both ways and compares every batch, value by value and null by null. */
    private void assertSameBatches(Path file, List<String> columns, int batchRows) {
        String name = file.getFileName().toString();
        long rows = 0;
        try (TableReader direct = new ParquetTableReader(file, name, columns, batchRows, allocator, true);
             TableReader assembled = new ParquetTableReader(file, name, columns, batchRows, allocator, false)) {
            assertEquals(assembled.root().getSchema(), direct.root().getSchema());
            while (assembled.loadNextBatch()) {
                assertTrue(direct.loadNextBatch(), "the column-at-a-time reader stopped early, at row " + rows);
                assertEquals(assembled.root().getRowCount(), direct.root().getRowCount());
                assertSameValues(assembled.root(), direct.root(), rows);
                rows += assembled.root().getRowCount();
            }
            assertFalse(direct.loadNextBatch());
            assertEquals(direct.knownRowCount().getAsLong(), rows);
        }
    }

    private static void assertSameValues(VectorSchemaRoot expected, VectorSchemaRoot actual, long firstRow) {
        for (int c = 0; c < expected.getFieldVectors().size(); c++) {
            FieldVector want = expected.getVector(c);
            FieldVector got = actual.getVector(c);
            for (int i = 0; i < expected.getRowCount(); i++) {
                Object w = want.getObject(i);
                Object g = got.getObject(i);
                int row = i;
                assertTrue(Objects.deepEquals(w, g), () -> want.getName() + " at row " + (firstRow + row) + ": "
                        + describe(w) + " by record assembly, " + describe(g) + " column at a time");
            }
        }
    }

    private static String describe(Object value) {
        return value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
    }

    private static List<Consumer<Group>> rows(int count) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int row = id;
            rows.add(g -> fill(g, row));
        }
        return rows;
    }

    /** Every optional column is null on a different beat; a few columns repeat few values (dictionary-friendly). */
    private static void fill(Group g, int row) {
        g.append("id", (long) row);
        g.append("unique_text", "row number " + row + " of the fixture");
        if (row % 3 != 0) {
            g.append("flag", row % 2 == 0);
            g.append("i8", (row % 256) - 128);
            g.append("i16", (row % 65_536) - 32_768);
            g.append("i32", row * 31 - 1_000_000);
            g.append("u8", row % 256);
            g.append("u16", row % 65_536);
            g.append("u32", -1 - row % 10);
        }
        if (row % 5 != 1) {
            g.append("i64", (long) row * 1_000_003L - (1L << 40));
            g.append("u64", -1L - row % 7);
            g.append("day", 18_000 + row % 400);
            g.append("millis_of_day", row % 86_400_000);
            g.append("micros_of_day", row * 1_000L);
            g.append("nanos_of_day", row * 1_000_000L);
            g.append("ts_ms", 1_700_000_000_000L + row);
            g.append("ts_us", 1_700_000_000_000_000L + row * 7L);
            g.append("ts_ns", 1_700_000_000_000_000_000L + row * 13L);
            g.append("legacy_ts", new NanoTime(2_460_000 + row % 30, row * 1_000_000L).toBinary());
        }
        if (row % 7 != 2) {
            g.append("f32", row % 50 == 0 ? Float.NaN : row / 8.0f);
            g.append("f64", row % 97 == 0 ? Double.NEGATIVE_INFINITY : row % 40 / 3.0);
            g.append("f16", Binary.fromConstantByteArray(new byte[] {(byte) row, (byte) 0x3c}));
            g.append("text", "category-" + row % 40);
            g.append("raw", Binary.fromConstantByteArray(new byte[] {(byte) row, 0, (byte) (row >> 8)}));
            g.append("fixed", Binary.fromConstantByteArray(new byte[] {1, 2, 3, 4, (byte) (row % 9)}));
        }
        if (row % 4 != 3) {
            g.append("dec32", row - 50_000);
            g.append("dec64", (long) row * -123_456_789L);
            g.append("dec128", Binary.fromConstantByteArray(fixed(BigInteger.valueOf(row).pow(3).negate(), 16)));
            g.append("dec_bin", Binary.fromConstantByteArray(BigInteger.valueOf(row).shiftLeft(40).toByteArray()));
        }
    }

    private static byte[] fixed(BigInteger value, int width) {
        byte[] minimal = value.toByteArray();
        byte[] out = new byte[width];
        byte sign = value.signum() < 0 ? (byte) 0xFF : 0;
        Arrays.fill(out, 0, width - minimal.length, sign);
        System.arraycopy(minimal, 0, out, width - minimal.length, minimal.length);
        return out;
    }
}
