package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import dev.charton.lifecycle.Deadline;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.PostgresServer;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --db jdbc:postgresql://...} against a real PostgreSQL server the test starts (PostgresServer). */
class PostgresIT {
    private static PostgresServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadTables() throws Exception {
        server = PostgresServer.shared();
        server.execute("DROP TABLE IF EXISTS weather",
                "CREATE TABLE weather (date date, temp_max double precision, temp_min double precision,"
                        + " precipitation double precision, wind double precision, weather text)");
        try (Connection connection = server.connect();
             Reader csv = Files.newBufferedReader(Repo.example("weather.csv"))) {
            new CopyManager(connection.unwrap(BaseConnection.class))
                    .copyIn("COPY weather FROM STDIN (FORMAT csv, HEADER true)", csv);
        }
    }

    private static SqlQuery query(String text) {
        // In-process, the password goes in the URL: the environment's CHARTON_DB_PASSWORD is the command's.
        return new SqlQuery(text, new DatabaseUrl(server.url() + "?user=" + PostgresServer.USER + "&password="
                + PostgresServer.PASSWORD), null, null, Deadline.after(null));
    }

    private static Charton charton(String... args) {
        return Charton.run(args).env("CHARTON_DB_PASSWORD", PostgresServer.PASSWORD).env("PGUSER", PostgresServer.USER);
    }

    private String userUrl() {
        return server.url() + "?user=" + PostgresServer.USER;
    }

    @Test
    void typesAreExplicit() {
        String sql = "SELECT 12.34::numeric(10, 2) AS price, 1.5::numeric AS ratio,"
                + " TIMESTAMPTZ '2024-03-01 12:00:00.123456+02' AS at, TIMESTAMP '2024-03-01 12:00:00.5' AS local_at,"
                + " DATE '2024-02-29' AS day, 7::bigint AS n, 'x'::text AS label, '{\"a\": 1}'::json AS doc";
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query(sql).open(null, allocator)) {
            List<Field> fields = reader.root().getSchema().getFields();
            assertEquals(new ArrowType.Decimal(10, 2, 128), fields.get(0).getType());
            assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), fields.get(1).getType(),
                    "an unconstrained numeric has no scale to keep");
            assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), fields.get(2).getType());
            assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), fields.get(3).getType());
            assertEquals(ArrowType.Utf8.INSTANCE, fields.get(7).getType(), "a type Arrow does not know arrives as text");
            assertTrue(reader.loadNextBatch());
            assertEquals(new BigDecimal("12.34"), reader.root().getVector("price").getObject(0));
            long micros = (Long) reader.root().getVector("at").getObject(0);
            assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0, 0, 123_456_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000
                    + 123_456, micros, "the instant, in UTC");
            assertEquals(LocalDateTime.of(2024, 3, 1, 12, 0, 0, 500_000_000),
                    reader.root().getVector("local_at").getObject(0), "the wall clock, whatever the JVM's zone");
            assertEquals("{\"a\": 1}", reader.root().getVector("doc").getObject(0).toString());
        }
    }

    @Test
    void timesOfDayArriveAsTimesAndATimetzAsItsUtcTime() {
        String sql = "SELECT TIME '12:00:01.5' AS t, TIMETZ '12:00:00+02' AS tz";
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query(sql).open(null, allocator)) {
            List<Field> fields = reader.root().getSchema().getFields();
            assertTrue(fields.get(0).getType() instanceof ArrowType.Time, fields.toString());
            assertTrue(fields.get(1).getType() instanceof ArrowType.Time, fields.toString());
            assertTrue(reader.loadNextBatch());
            // time32[ms]: the JDBC driver gives milliseconds; the vector shows them on the epoch's day.
            assertEquals("1970-01-01T12:00:01.500", String.valueOf(reader.root().getVector("t").getObject(0)));
            assertEquals("1970-01-01T10:00", String.valueOf(reader.root().getVector("tz").getObject(0)));
        }
    }

    /** Streamed with a fetch size: the first batch arrives before the engine reaches a failing row further on. */
    @Test
    void resultsAreStreamedInBatches() {
        String sql = "SELECT i, 1 / (200000 - i) AS boom FROM generate_series(1, 300000) AS s(i)";
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = query(sql).open(null, allocator)) {
            assertTrue(reader.loadNextBatch());
            assertEquals(65_536, reader.root().getRowCount());
            ChartonException e = assertThrows(ChartonException.class, () -> {
                while (reader.loadNextBatch()) {
                    assertTrue(reader.root().getRowCount() > 0);
                }
            });
            assertEquals(ExitCode.DATA, e.exitCode());
            assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--x date --y temp_max,temp_min",
            "--kind hist --y precipitation --bins 30",
            "--kind box --y wind,temp_max",
            "--kind scatter --x temp_min --y temp_max"})
    void aTableInPostgresDrawsTheSamePictureAsTheFile(String chart) {
        List<String> options = List.of(chart.split(" "));
        Path fromDb = tmp.resolve("db.png");
        Path fromFile = tmp.resolve("file.png");
        Charton.Result db = charton(args(List.of("plot", "--db", userUrl(), "--sql", "SELECT * FROM weather"), options,
                fromDb)).go();
        assertEquals(0, db.exitCode(), db.toString());
        Charton.Result file = Charton.run(args(List.of("plot", Repo.example("weather.csv").toString()), options,
                fromFile)).go();
        assertEquals(0, file.exitCode(), file.toString());
        assertEquals(0.0, Png.differingShare(Png.decode(fromDb), Png.decode(fromFile), 0));
    }

    /** A line's M4 runs in PostgreSQL, on a timestamptz x with gaps, against every row drawn. */
    @Test
    void aLineIsReducedInTheEngine() throws java.io.IOException {
        String sql = "SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL '1 minute' AS at, CASE WHEN i % 20011 < 300"
                + " THEN NULL ELSE cos(i / 900.0) + ((i * 7919) % 1000) / 400.0 END AS a, i % 2 AS side"
                + " FROM generate_series(1, 200000) AS s(i)";
        PushDownPictures.assertSamePicture(tmp, List.of("--db", userUrl(), "--sql", sql), "--x at --y a --color side",
                200_000, c -> c.env("CHARTON_DB_PASSWORD", PostgresServer.PASSWORD));
    }

    @Test
    void aRefusedLoginIs77AndShowsNoPassword() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = Charton.run("plot", "--db", userUrl(), "--sql", "SELECT * FROM weather", "--x", "date",
                "-o", out.toString()).env("CHARTON_DB_PASSWORD", "wrong-guess").go();
        assertEquals(77, r.exitCode(), r.toString());
        assertEquals(1, r.chartonLines().size(), r.stderr());
        assertTrue(r.stderr().contains("the database refused the login")
                && r.stderr().contains("password authentication failed"), r.stderr());
        assertFalse(r.stderr().contains("wrong-guess"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aPasswordInTheUrlIsAcceptedWithAWarningAndMasked() {
        Path out = tmp.resolve("x.png");
        String url = userUrl() + "&password=" + PostgresServer.PASSWORD;
        Charton.Result r = Charton.run("plot", "--db", url, "--sql", "SELECT * FROM no_such_table", "--x", "date",
                "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("warning: --db carries a password"), r.stderr());
        assertTrue(r.stderr().contains("relation \"no_such_table\" does not exist"), r.stderr());
        assertTrue(r.stderr().contains("password=***"), r.stderr());
        assertFalse(r.stderr().contains(PostgresServer.PASSWORD), r.stderr());
    }

    /** A driver from a jar given with --driver-path, found through its service entry (here: PostgreSQL's own jar). */
    @Test
    void aDriverJarIsLoadedFromDriverPath() {
        Path jar = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Charton.Result r = charton("schema", "--db", userUrl(), "--driver-path", jar.toString(), "--sql",
                "SELECT count(*) AS n FROM weather").go();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdoutText().contains("sql, 1 row, 1 column"), r.stdoutText());
        Charton.Result wrong = charton("schema", "--db", "jdbc:nosuchengine://x", "--driver-path", jar.toString(),
                "--sql", "SELECT 1").go();
        assertEquals(69, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.stderr().contains("no JDBC driver in " + jar + " accepts this URL"), wrong.stderr());
    }

    @Test
    void anUnreachableServerIs69() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Charton.Result r = charton("plot", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "--sql", "SELECT 1",
                "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(69, r.exitCode(), r.toString());
        assertEquals(1, r.chartonLines().size(), r.stderr());
        assertTrue(r.stderr().contains("cannot reach the database"), r.stderr());
    }

    @Test
    void theTimeoutCancelsTheQueryOnTheServer() throws Exception {
        Charton.Result r = charton("plot", "--db", userUrl(), "--sql", "SELECT 1 AS x FROM pg_sleep(30) AS charton_timeout_probe",
                "--x", "x", "--timeout", "2", "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(75, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--timeout"), r.stderr());
        assertEquals(0, runningQueries("charton_timeout_probe"));
    }

    /** Ctrl-C cancels the query on the server: PostgreSQL itself no longer runs it. */
    @Test
    void ctrlCCancelsTheQueryOnTheServer() throws Exception {
        Charton.Started started = charton("plot", "--db", userUrl(), "--sql",
                "SELECT 1 AS x FROM pg_sleep(60) AS charton_cancel_probe", "--x", "x",
                "-o", tmp.resolve("x.png").toString()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningQueries("charton_cancel_probe") == 0) {
            assertTrue(System.nanoTime() < deadline, "the query never started on the server");
            Thread.sleep(100);
        }
        started.signal("INT");
        Charton.Result r = started.await(30);
        assertEquals(130, r.exitCode(), r.toString());
        // Without the cancel, the server would sleep on for a minute after the client is gone.
        long gone = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runningQueries("charton_cancel_probe") > 0) {
            assertTrue(System.nanoTime() < gone, "the query still runs on the server after Ctrl-C");
            Thread.sleep(100);
        }
    }

    private static int runningQueries(String marker) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                     + " AND pid <> pg_backend_pid() AND query LIKE '%" + marker + "%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String[] args(List<String> head, List<String> chart, Path out) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(chart);
        all.addAll(List.of("-o", out.toString()));
        return all.toArray(String[]::new);
    }

}
