package dev.charton.input.parquet;

import dev.charton.app.TypeNames;
import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Parquet physical/logical type lands in the Arrow type that keeps its exact values. */
class ParquetTypesTest {
    private static final String SCHEMA = """
            message m {
              optional int32 i8 (INTEGER(8,true));
              optional int32 u8 (INTEGER(8,false));
              optional int32 i16 (INTEGER(16,true));
              optional int32 u16 (INTEGER(16,false));
              optional int32 i32;
              optional int32 u32 (INTEGER(32,false));
              optional int64 i64;
              optional int64 u64 (INTEGER(64,false));
              optional float f32;
              optional double f64;
              optional fixed_len_byte_array(2) f16 (FLOAT16);
              optional boolean flag;
              optional binary text (STRING);
              optional binary raw;
              optional fixed_len_byte_array(3) fixed;
              optional int32 dec_i32 (DECIMAL(9,2));
              optional int64 dec_i64 (DECIMAL(18,3));
              optional binary dec_bin (DECIMAL(30,4));
              optional fixed_len_byte_array(16) dec_fixed (DECIMAL(38,0));
              optional binary dec_wide (DECIMAL(50,1));
              optional int32 day (DATE);
              optional int32 t_ms (TIME(MILLIS,true));
              optional int64 t_us (TIME(MICROS,true));
              optional int64 t_ns (TIME(NANOS,false));
              optional int64 ts_ms_utc (TIMESTAMP(MILLIS,true));
              optional int64 ts_us_local (TIMESTAMP(MICROS,false));
              optional int64 ts_ns_utc (TIMESTAMP(NANOS,true));
              optional int96 legacy;
              required int32 always;
            }""";

    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void arrowTypesFollowTheFooterExactly() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("i8", "int8");
        expected.put("u8", "uint8");
        expected.put("i16", "int16");
        expected.put("u16", "uint16");
        expected.put("i32", "int32");
        expected.put("u32", "uint32");
        expected.put("i64", "int64");
        expected.put("u64", "uint64");
        expected.put("f32", "float32");
        expected.put("f64", "float64");
        expected.put("f16", "float16");
        expected.put("flag", "bool");
        expected.put("text", "utf8");
        expected.put("raw", "binary");
        expected.put("fixed", "fixed_size_binary[3]");
        expected.put("dec_i32", "decimal128(9, 2)");
        expected.put("dec_i64", "decimal128(18, 3)");
        expected.put("dec_bin", "decimal128(30, 4)");
        expected.put("dec_fixed", "decimal128(38, 0)");
        expected.put("dec_wide", "decimal256(50, 1)");
        expected.put("day", "date32[day]");
        expected.put("t_ms", "time32[ms]");
        expected.put("t_us", "time64[us]");
        expected.put("t_ns", "time64[ns]");
        expected.put("ts_ms_utc", "timestamp[ms, tz=UTC]");
        expected.put("ts_us_local", "timestamp[us]");
        expected.put("ts_ns_utc", "timestamp[ns, tz=UTC]");
        expected.put("legacy", "timestamp[us]");
        expected.put("always", "int32");
        try (TableReader table = ParquetFixtures.open(fixture(), null, allocator)) {
            Map<String, String> actual = new LinkedHashMap<>();
            for (Field f : table.root().getSchema().getFields()) {
                actual.put(f.getName(), TypeNames.of(f));
            }
            assertEquals(expected, actual);
            assertFalse(table.root().getSchema().findField("always").isNullable());
            assertTrue(table.root().getSchema().findField("i8").isNullable());
        }
    }

    @Test
    void valuesAreExactAtTheEdgesOfEachType() throws Exception {
        try (TableReader table = ParquetFixtures.open(fixture(), null, allocator)) {
            assertTrue(table.loadNextBatch());
            VectorSchemaRoot root = table.root();
            assertEquals(3, root.getRowCount());
            assertEquals((byte) -128, root.getVector("i8").getObject(0));
            assertEquals((short) 255, ((UInt1Vector) root.getVector("u8")).getObjectNoOverflow(0));
            assertEquals((short) -32768, root.getVector("i16").getObject(0));
            assertEquals(65535, ((UInt2Vector) root.getVector("u16")).getObject(0).charValue());
            assertEquals(Integer.MIN_VALUE, root.getVector("i32").getObject(0));
            assertEquals(4_294_967_295L, ((UInt4Vector) root.getVector("u32")).getObjectNoOverflow(0));
            assertEquals(Long.MIN_VALUE, root.getVector("i64").getObject(0));
            assertEquals(new BigInteger("18446744073709551615"), ((UInt8Vector) root.getVector("u64")).getObjectNoOverflow(0));
            assertEquals(Float.MIN_VALUE, root.getVector("f32").getObject(0));
            assertEquals(-Double.MAX_VALUE, root.getVector("f64").getObject(0));
            assertEquals(-2.5, ((Float2Vector) root.getVector("f16")).getValueAsDouble(0));
            assertEquals(true, root.getVector("flag").getObject(0));
            assertEquals("héllo, 世界", root.getVector("text").getObject(0).toString());
            assertArrayEquals(new byte[] {0, (byte) 0xFF, 7}, (byte[]) root.getVector("raw").getObject(0));
            assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) root.getVector("fixed").getObject(0));
            assertEquals(new BigDecimal("-12345.67"), root.getVector("dec_i32").getObject(0));
            assertEquals(new BigDecimal("123456789012345.678"), ((DecimalVector) root.getVector("dec_i64")).getObject(0));
            assertEquals(new BigDecimal("-12345678901234567890123456.7890"), root.getVector("dec_bin").getObject(0));
            assertEquals(new BigDecimal("99999999999999999999999999999999999999"), root.getVector("dec_fixed").getObject(0));
            assertEquals(new BigDecimal("-1234567890123456789012345678901234567890123456789.0"),
                    ((Decimal256Vector) root.getVector("dec_wide")).getObject(0));
            assertEquals((int) LocalDate.of(1969, 7, 20).toEpochDay(), ((org.apache.arrow.vector.DateDayVector) root.getVector("day")).get(0));
            assertEquals(86_399_999, ((org.apache.arrow.vector.TimeMilliVector) root.getVector("t_ms")).get(0));
            assertEquals(86_399_999_999L, ((org.apache.arrow.vector.TimeMicroVector) root.getVector("t_us")).get(0));
            assertEquals(86_399_999_999_999L, ((org.apache.arrow.vector.TimeNanoVector) root.getVector("t_ns")).get(0));
            assertEquals(-1L, ((TimeStampVector) root.getVector("ts_ms_utc")).get(0));
            assertEquals(1_700_000_000_123_456L, ((TimeStampVector) root.getVector("ts_us_local")).get(0));
            assertEquals(Long.MAX_VALUE, ((TimeStampVector) root.getVector("ts_ns_utc")).get(0));
            // 9999-12-31T01:00:00 as Spark writes it: Julian day 5373484, 1 h into the day.
            assertEquals(253_402_218_000_000_000L, ((TimeStampVector) root.getVector("legacy")).get(0));
            assertEquals(42, root.getVector("always").getObject(0));

            for (FieldVector vector : root.getFieldVectors()) {
                if (!vector.getName().equals("always")) {
                    assertTrue(vector.isNull(1), vector.getName() + " row 1 should be null");
                }
            }
            assertEquals(0, ((UInt4Vector) root.getVector("u32")).get(2));
            assertEquals(1.0, ((Float2Vector) root.getVector("f16")).getValueAsDouble(2));
            assertNull(root.getVector("text").getObject(1));
            assertFalse(table.loadNextBatch());
        }
    }

    private Path fixture() throws Exception {
        Consumer<Group> edges = g -> {
            g.append("i8", -128).append("u8", 255).append("i16", -32768).append("u16", 65535)
                    .append("i32", Integer.MIN_VALUE).append("u32", -1).append("i64", Long.MIN_VALUE).append("u64", -1L)
                    .append("f32", Float.MIN_VALUE).append("f64", -Double.MAX_VALUE)
                    .append("f16", Binary.fromConstantByteArray(new byte[] {0x00, (byte) 0xC1}))
                    .append("flag", true).append("text", "héllo, 世界")
                    .append("raw", Binary.fromConstantByteArray(new byte[] {0, (byte) 0xFF, 7}))
                    .append("fixed", Binary.fromConstantByteArray(new byte[] {1, 2, 3}))
                    .append("dec_i32", -1234567).append("dec_i64", 123456789012345678L)
                    .append("dec_bin", Binary.fromConstantByteArray(new BigInteger("-123456789012345678901234567890").toByteArray()))
                    .append("dec_fixed", Binary.fromConstantByteArray(padded(new BigInteger("99999999999999999999999999999999999999"), 16)))
                    .append("dec_wide", Binary.fromConstantByteArray(new BigInteger("-12345678901234567890123456789012345678901234567890").toByteArray()))
                    .append("day", (int) LocalDate.of(1969, 7, 20).toEpochDay())
                    .append("t_ms", 86_399_999).append("t_us", 86_399_999_999L).append("t_ns", 86_399_999_999_999L)
                    .append("ts_ms_utc", -1L).append("ts_us_local", 1_700_000_000_123_456L).append("ts_ns_utc", Long.MAX_VALUE)
                    .append("legacy", new NanoTime(5_373_484, 3_600_000_000_000L))
                    .append("always", 42);
        };
        Consumer<Group> nulls = g -> g.append("always", 0);
        Consumer<Group> small = g -> g.append("u32", 0).append("always", 1)
                .append("f16", Binary.fromConstantByteArray(new byte[] {0x00, 0x3C}));
        return ParquetFixtures.write(dir.resolve("types.parquet"), SCHEMA, ParquetFixtures.Layout.plain(),
                List.of(edges, nulls, small));
    }

    private static byte[] padded(BigInteger value, int width) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[width];
        System.arraycopy(bytes, 0, out, width - bytes.length, bytes.length);
        return out;
    }
}
