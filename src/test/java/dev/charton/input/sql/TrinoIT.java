package dev.charton.input.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.input.TableReader;
import dev.charton.lifecycle.Deadline;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TrinoServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --db jdbc:trino://...} against a real Trino (a coordinator and a worker, TrinoServer), its
 * tables in the memory connector, which spreads their rows over both nodes.
 */
class TrinoIT {
    /** A Trino query of the TPC-H connector that runs for minutes: long enough to be cancelled. */
    private static final String LONG_QUERY = "SELECT count(*) AS n FROM tpch.sf1000.lineitem WHERE comment LIKE '%%%s%%'";

    private static TrinoServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadTables() {
        server = TrinoServer.shared();
        server.loadCsv("weather", Repo.example("weather.csv"), "date", "double", "double", "double", "double", "varchar");
        // 200,000 rows, one a minute, in the types an analyst's table has; y has runs of nulls (gaps).
        server.execute("DROP TABLE IF EXISTS series",
                "CREATE TABLE series AS SELECT i AS n, TIMESTAMP '2024-01-01 00:00:00.000000 UTC' + i * INTERVAL '1' MINUTE AS at,"
                        + " CAST(DATE '2024-01-01' + i / 1440 * INTERVAL '1' DAY AS date) AS day,"
                        + " CASE WHEN i % 20011 < 300 THEN NULL ELSE CAST(cos(i / 900.0) + ((i * 7919) % 1000) / 400.0"
                        + " AS decimal(12, 4)) END AS price, sin(i / 3000.0) * 10 + (i % 97) / 50.0 AS level,"
                        + " CAST(CASE i % 3 WHEN 0 THEN 'north' WHEN 1 THEN 'south' ELSE 'west' END AS varchar) AS site"
                        + " FROM (SELECT hi * 500 + lo + 1 AS i FROM UNNEST(sequence(0, 399)) AS h(hi)"
                        + " CROSS JOIN UNNEST(sequence(0, 499)) AS l(lo))");
        // 200,000 seconds without a zone, across the night Berlin's clocks jump (2024-03-31 02:00).
        server.execute("DROP TABLE IF EXISTS local_series",
                "CREATE TABLE local_series AS SELECT TIMESTAMP '2024-03-30 00:00:00' + i * INTERVAL '1' SECOND AS t,"
                        + " sin(i / 700.0) + ((i * 7919) % 1000) / 400.0 AS v FROM (SELECT hi * 500 + lo AS i"
                        + " FROM UNNEST(sequence(0, 399)) AS h(hi) CROSS JOIN UNNEST(sequence(0, 499)) AS l(lo))");
    }

    private static SqlQuery query(String text) {
        return new SqlQuery(text, new DatabaseUrl(server.url()), null, null, Deadline.after(null));
    }

    @Test
    void typesAreExplicit() {
        String sql = "SELECT CAST(12.34 AS decimal(10, 2)) AS price, TIMESTAMP '2024-03-01 12:00:00.123456 +02:00' AS at,"
                + " TIMESTAMP '2024-03-01 12:00:00.5' AS local_at, DATE '2024-02-29' AS day, CAST(7 AS bigint) AS n,"
                + " CAST('x' AS varchar) AS label, 2.5e0 AS ratio";
        try (BufferAllocator allocator = new RootAllocator(); TableReader reader = query(sql).open(null, allocator)) {
            assertEquals(List.of(new ArrowType.Decimal(10, 2, 128), new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                    new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), new ArrowType.Date(DateUnit.DAY),
                    new ArrowType.Int(64, true), ArrowType.Utf8.INSTANCE,
                    new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                    reader.root().getSchema().getFields().stream().map(Field::getType).toList());
            assertTrue(reader.loadNextBatch());
            assertEquals(new BigDecimal("12.34"), reader.root().getVector("price").getObject(0));
            long micros = (Long) reader.root().getVector("at").getObject(0);
            assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456, micros,
                    "the instant, in UTC");
            assertEquals(LocalDateTime.of(2024, 3, 1, 12, 0, 0, 500_000_000),
                    reader.root().getVector("local_at").getObject(0), "the wall clock, whatever the JVM's zone");
            assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), ((Number) reader.root().getVector("day").getObject(0)).longValue());
            assertEquals(7L, reader.root().getVector("n").getObject(0));
            assertEquals("x", reader.root().getVector("label").getObject(0).toString());
            assertEquals(2.5, reader.root().getVector("ratio").getObject(0));
        }
    }

    @Test
    void theSchemaOfATrinoTable() throws IOException {
        Charton.Result r = Charton.run("schema", "--db", server.url(), "--sql", "SELECT * FROM series", "--json").go();
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode schema = new ObjectMapper().readTree(r.stdoutText());
        assertEquals(200_000, schema.path("rows").asLong(), r.stdoutText());
        List<String> types = new ArrayList<>();
        schema.path("columns").forEach(column -> types.add(column.path("name").asText() + " " + column.path("type").asText()));
        assertEquals(List.of("n int64", "at timestamp[us, tz=UTC]", "day date32[day]", "price decimal128(12, 4)",
                "level float64", "site utf8"), types, r.stdoutText());
    }

    /** Every type of the table drawn: the figure from Trino is the figure from the same rows in a file. */
    @ParameterizedTest
    @ValueSource(strings = {
            "--x date --y temp_min,wind",
            "--kind hist --y temp_max --bins 40",
            "--kind box --y precipitation,temp_min",
            "--kind scatter --x wind --y temp_max"})
    void aTableInTrinoDrawsTheSamePictureAsTheFile(String chart) {
        Path fromDb = tmp.resolve("db.png");
        Path fromFile = tmp.resolve("file.png");
        Charton.Result db = Charton.run(args(List.of("plot", "--db", server.url(), "--sql",
                "SELECT * FROM weather ORDER BY date"), chart, fromDb)).go();
        assertEquals(0, db.exitCode(), db.toString());
        Charton.Result file = Charton.run(args(List.of("plot", Repo.example("weather.csv").toString()), chart, fromFile)).go();
        assertEquals(0, file.exitCode(), file.toString());
        assertEquals(0.0, Png.differingShare(Png.decode(fromDb), Png.decode(fromFile), 0));
    }

    /**
     * A line's M4 runs in Trino against every row drawn (--reduce none) and Java's M4 on the same rows
     * exported: a decimal y over a timestamp with time zone, with gaps and series; a double and a
     * decimal over a bigint.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--x at --y price --color site", "--kind line --x n --y level,price"})
    void aLineIsReducedInTheEngine(String chart) throws IOException {
        PushDownPictures.assertSamePicture(tmp, List.of("--db", server.url(), "--sql", "SELECT * FROM series"), chart,
                200_000, c -> c);
    }

    /**
     * A timestamp without zone is placed on x as UTC, whatever zone charton runs in (Trino's session
     * zone is the JVM's): in Berlin's, the hour its clocks skip would move rows between pixel columns.
     */
    @Test
    void aLocalTimestampLineIsReducedAlikeInAnyZone() throws IOException {
        PushDownPictures.assertSamePicture(tmp, List.of("--db", server.url(), "--sql", "SELECT * FROM local_series"),
                "--kind line --x t --y v", 200_000, c -> c.env("TZ", "Europe/Berlin"));
    }

    @Test
    void anSqlErrorIs65WithTrinosMessageOnOneLine() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = Charton.run("plot", "--db", server.url(), "--sql", "SELECT * FROM no_such_table", "--x", "a",
                "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r.toString());
        assertEquals(1, r.chartonLines().size(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("Table 'memory.default.no_such_table' does not exist"), r.stderr());
        assertFalse(Files.exists(out));
    }

    /** The driver refuses a password over plain HTTP; the message shows the URL with the password masked. */
    @Test
    void aPasswordInTheUrlIsMasked() {
        String secret = "weather-and-tables";
        Path out = tmp.resolve("x.png");
        Charton.Result r = Charton.run("plot", "--db", server.url() + "?user=" + TrinoServer.USER + "&password=" + secret,
                "--sql", "SELECT * FROM weather", "--x", "date", "-o", out.toString()).go();
        assertTrue(r.exitCode() != 0, r.toString());
        assertTrue(r.stderr().contains("warning: --db carries a password"), r.stderr());
        assertTrue(r.stderr().contains("password=***"), r.stderr());
        assertFalse(r.stderr().contains(secret), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnreachableServerIs69() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Charton.Result r = Charton.run("plot", "--db", "jdbc:trino://127.0.0.1:" + closedPort + "/memory/default", "--sql",
                "SELECT 1 AS x", "--x", "x", "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(69, r.exitCode(), r.toString());
        assertEquals(1, r.chartonLines().size(), r.stderr());
        assertTrue(r.stderr().contains("cannot reach the database"), r.stderr());
    }

    @Test
    void theTimeoutCancelsTheQueryOnTheServer() throws Exception {
        String marker = "charton_timeout_probe";
        Charton.Result r = Charton.run("plot", "--db", server.url(), "--sql", String.format(LONG_QUERY, marker),
                "--x", "n", "--timeout", "5", "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(75, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--timeout"), r.stderr());
        assertCancelledInTrino(marker);
    }

    /** Ctrl-C cancels the query on the server: Trino itself records it as cancelled by its user. */
    @Test
    void ctrlCCancelsTheQueryOnTheServer() throws Exception {
        String marker = "charton_cancel_probe";
        Charton.Started started = Charton.run("plot", "--db", server.url(), "--sql", String.format(LONG_QUERY, marker),
                "--x", "n", "-o", tmp.resolve("x.png").toString()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!queryStates(marker, " AND query NOT LIKE '%LIMIT 0'").contains("RUNNING")) {
            assertTrue(System.nanoTime() < deadline, "the query never ran on the server: " + queryStates(marker));
            Thread.sleep(100);
        }
        started.signal("INT");
        Charton.Result r = started.await(60);
        assertEquals(130, r.exitCode(), r.toString());
        assertCancelledInTrino(marker);
    }

    /**
     * The query was cancelled by its user and nothing with its marker runs on (charton's probe of the
     * result's columns finishes before). Without the cancel, Trino would scan TPC-H's six billion rows
     * on after the client is gone.
     */
    private static void assertCancelledInTrino(String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> states = queryStates(marker);
        while (!states.contains("FAILED USER_CANCELED")
                || !states.stream().allMatch(state -> state.startsWith("FINISHED") || state.startsWith("FAILED"))) {
            assertTrue(System.nanoTime() < deadline, "Trino's queries with " + marker + ": " + states);
            Thread.sleep(200);
            states = queryStates(marker);
        }
    }

    /** State and error code of each query Trino ran (or runs) whose text has {@code marker}. */
    private static List<String> queryStates(String marker) throws SQLException {
        return queryStates(marker, "");
    }

    /**
     * As {@link #queryStates(String)}, narrowed by {@code condition}: charton first runs the query under
     * {@code LIMIT 0} for its columns, and a Ctrl-C while only that probe runs cancels nothing on the server.
     */
    private static List<String> queryStates(String marker, String condition) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state, error_code FROM system.runtime.queries"
                     + " WHERE query LIKE '%" + marker + "%' AND query NOT LIKE '%system.runtime.queries%'" + condition)) {
            while (rows.next()) {
                states.add(rows.getString(1) + (rows.getString(2) == null ? "" : " " + rows.getString(2)));
            }
        }
        return states;
    }

    private static String[] args(List<String> source, String chart, Path out) {
        return Stream.of(source.stream(), Stream.of(chart.split(" ")), Stream.of("-o", out.toString()))
                .flatMap(part -> part).toArray(String[]::new);
    }
}
