package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import dev.charton.input.UnknownColumnException;
import dev.charton.lifecycle.Deadline;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries on the embedded DuckDB, read in-process as Arrow batches through the C data interface. */
class EmbeddedDuckDbTest {
    @TempDir
    Path dir;

    private static SqlQuery query(String text, Path base) {
        return new SqlQuery(text, DatabaseUrl.EMBEDDED, null, base, Deadline.after(null));
    }

    @Test
    void aResultArrivesWithItsTypesAndValues() {
        SqlQuery query = query("SELECT i::BIGINT AS n, (i / 4)::DECIMAL(10, 2) AS price,"
                + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL 1 HOUR AS at,"
                + " DATE '2024-01-01' + i::INTEGER AS day FROM range(100000) t(i);", null);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query.open(null, allocator)) {
            List<Field> fields = reader.root().getSchema().getFields();
            assertEquals(List.of("n", "price", "at", "day"), fields.stream().map(Field::getName).toList());
            assertEquals(new ArrowType.Decimal(10, 2, 128), fields.get(1).getType());
            assertEquals("UTC", ((ArrowType.Timestamp) fields.get(2).getType()).getTimezone());
            long rows = 0;
            BigDecimal sum = BigDecimal.ZERO;
            while (reader.loadNextBatch()) {
                for (int i = 0; i < reader.root().getRowCount(); i++) {
                    sum = sum.add((BigDecimal) reader.root().getVector("price").getObject(i));
                }
                rows += reader.root().getRowCount();
            }
            assertEquals(100_000, rows);
            // The sum of round(i / 4, 2) over 0..99999, computed the same way by DuckDB itself.
            assertEquals(new BigDecimal("1249987500.00"), sum);
        }
    }

    @Test
    void onlyTheChartsColumnsLeaveTheEngine() {
        SqlQuery query = query("SELECT 1 AS a, 'x' AS b, 2.5 AS \"odd \"\"name\"", null);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query.open(List.of("odd \"name", "a"), allocator)) {
            assertEquals(List.of("odd \"name", "a"),
                    reader.root().getSchema().getFields().stream().map(Field::getName).toList());
            assertTrue(reader.loadNextBatch());
            assertEquals(1, reader.root().getRowCount());
        }
    }

    @Test
    void anUnknownColumnNamesTheClosestOne() {
        SqlQuery query = query("SELECT 1 AS temp_max, 2 AS temp_min", null);
        try (BufferAllocator allocator = new RootAllocator()) {
            UnknownColumnException e = assertThrows(UnknownColumnException.class,
                    () -> query.open(List.of("temp_mx"), allocator).close());
            assertEquals("DuckDB query: no column named 'temp_mx'; did you mean 'temp_max'? (available: temp_max, temp_min)",
                    e.getMessage());
        }
    }

    @Test
    void relativePathsAreFoundInTheBaseDirectory() throws IOException {
        Files.writeString(dir.resolve("part-1.csv"), "k,v\na,1\nb,2\n");
        Files.writeString(dir.resolve("part-2.csv"), "k,v\nc,3\n");
        SqlQuery query = query("SELECT sum(v) AS total FROM 'part-*.csv'", dir);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query.open(null, allocator)) {
            assertTrue(reader.loadNextBatch());
            assertEquals("6", String.valueOf(reader.root().getVector("total").getObject(0)));
        }
    }

    @Test
    void aSqlErrorIsOneLineWithTheEnginesMessage() {
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (BufferAllocator allocator = new RootAllocator()) {
                query("SELECT * FROM no_such_table", null).open(null, allocator).close();
            }
        });
        assertEquals(ExitCode.DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("DuckDB: the query failed: Catalog Error: Table with name no_such_table"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anErrorNamesTheLineOfTheUsersQueryNotOfTheStatementAroundIt() {
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (BufferAllocator allocator = new RootAllocator()) {
                query("SELECT range AS a,\n  nope FROM range(3)", null).open(null, allocator).close();
            }
        });
        assertTrue(e.getMessage().matches(".* LINE 2: +nope FROM range\\(3\\) .*"), e.getMessage());
    }

    @Test
    void aQueryLongerThanTheBudgetIsCancelled() {
        SqlQuery slow = new SqlQuery("SELECT count(*) AS n FROM range(100000000000) a", DatabaseUrl.EMBEDDED, null, null,
                Deadline.after(Duration.ofMillis(500)));
        long started = System.nanoTime();
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (BufferAllocator allocator = new RootAllocator();
                 TableReader reader = slow.open(null, allocator)) {
                reader.loadNextBatch();
            }
        });
        assertEquals(ExitCode.TEMP_FAIL, e.exitCode(), e.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "cancelled, not run to the end");
    }
}
