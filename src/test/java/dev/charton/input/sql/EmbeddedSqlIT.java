package dev.charton.input.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --sql} on the embedded DuckDB, through the real launcher and Python. */
class EmbeddedSqlIT {
    @TempDir
    Path tmp;

    /** The query's relative path is found from the working directory, and the picture is the file's. */
    @ParameterizedTest
    @ValueSource(strings = {"--x date --y temp_max,temp_min", "--kind hist --y wind --bins 25",
            "--kind scatter --x temp_min --y temp_max"})
    void aQueryOverAFileDrawsTheFilesPicture(String chart) throws IOException {
        Files.copy(Repo.example("weather.parquet"), tmp.resolve("weather.parquet"));
        Path fromSql = tmp.resolve("sql.png");
        Path fromFile = tmp.resolve("file.png");
        Charton.Result sql = Charton.run(args(List.of("plot", "--sql", "SELECT * FROM 'weather.parquet' ORDER BY date;"),
                chart, fromSql)).in(tmp).go();
        assertEquals(0, sql.exitCode(), sql.toString());
        Charton.Result file = Charton.run(args(List.of("plot", "weather.parquet"), chart, fromFile)).in(tmp).go();
        assertEquals(0, file.exitCode(), file.toString());
        assertEquals(0.0, Png.differingShare(Png.decode(fromSql), Png.decode(fromFile), 0));
    }

    @Test
    void globsAndJoinsAreTheEnginesWork() throws IOException {
        Files.writeString(tmp.resolve("sales-1.csv"), "day,store,amount\n2024-01-01,a,10\n2024-01-02,b,20\n");
        Files.writeString(tmp.resolve("sales-2.csv"), "day,store,amount\n2024-01-03,a,30\n");
        Files.writeString(tmp.resolve("stores.csv"), "store,city\na,Oslo\nb,Bergen\n");
        Path out = tmp.resolve("by-city.arrows");
        Charton.Result convert = Charton.run("convert", "--sql", "SELECT city, sum(amount) AS total FROM 'sales-*.csv'"
                + " JOIN 'stores.csv' USING (store) GROUP BY city ORDER BY city", "-o", out.toString()).in(tmp).go();
        assertEquals(0, convert.exitCode(), convert.toString());
        Charton.Result schema = Charton.run("schema", out.toString(), "--json").go();
        assertEquals(0, schema.exitCode(), schema.toString());
        assertEquals(2, new ObjectMapper().readTree(schema.stdoutText()).path("rows").asLong(), schema.stdoutText());
        Charton.Result bar = Charton.run("plot", "--sql", "SELECT city, sum(amount) AS total FROM 'sales-*.csv'"
                + " JOIN 'stores.csv' USING (store) GROUP BY city", "--x", "city", "--y", "total", "-o",
                tmp.resolve("bar.png").toString()).in(tmp).go();
        assertEquals(0, bar.exitCode(), bar.toString());
        assertTrue(Png.distinctColours(Png.decode(tmp.resolve("bar.png"))) > 2);
    }

    /** A line's M4 runs in DuckDB: numbers, and times with gaps, against every row drawn. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT i AS t, sin(i / 700.0) * 10 + (hash(i) % 1000) / 250.0 AS value, i % 3 AS cat FROM range(200000) r(i)"
                    + "|--kind line --x t --y value --color cat",
            "SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL 1 MINUTE AS at, CASE WHEN i % 20011 < 300 THEN NULL"
                    + " ELSE cos(i / 900.0) + (hash(i) % 100) / 80.0 END AS a, sin(i / 3000.0) * 3 + 5 + (hash(i * 7) % 100) / 200.0 AS b"
                    + " FROM range(200000) r(i)|--x at --y a,b"})
    void aLineIsReducedInTheEngine(String queryAndChart) throws IOException {
        String[] parts = queryAndChart.split("\\|");
        PushDownPictures.assertSamePicture(tmp, List.of("--sql", parts[0]), parts[1], 200_000, c -> c);
    }

    /** Text in several record batches, drawn from every row, is the bar Java's aggregate draws. */
    @Test
    void aBarOfTextInManyBatchesIsTheSameWithoutReduction() {
        String sql = "SELECT 'c' || (i % 10)::VARCHAR AS cat, i::DOUBLE AS value FROM range(200000) r(i)";
        for (String reduce : List.of("auto", "none")) {
            Charton.Result r = Charton.run("plot", "--sql", sql, "--kind", "bar", "--x", "cat", "--y", "value", "--agg",
                    "mean", "--reduce", reduce, "-o", tmp.resolve(reduce + ".png").toString()).go();
            assertEquals(0, r.exitCode(), r.toString());
        }
        assertEquals(0.0, Png.differingShare(Png.decode(tmp.resolve("auto.png")), Png.decode(tmp.resolve("none.png")), 0));
    }

    @Test
    void schemaDescribesTheResult() {
        Charton.Result r = Charton.run("schema", "--sql", "SELECT 1.5::DECIMAL(6, 2) AS price, DATE '2024-01-01' AS day"
                + " FROM range(7)").go();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdoutText().startsWith("DuckDB query: sql, 7 rows, 2 columns"), r.stdoutText());
        assertTrue(r.stdoutText().contains("decimal128(6, 2)"), r.stdoutText());
    }

    @Test
    void anUnknownTableIsOneLineAndNoFigure() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = Charton.run("plot", "--sql", "SELECT * FROM no_such_table", "--x", "a", "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r.toString());
        assertEquals(1, r.chartonLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("charton: DuckDB: the query failed: Catalog Error: Table with name no_such_table"
                + " does not exist!"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingFileIs66() {
        Charton.Result r = Charton.run("plot", "--sql", "SELECT * FROM 'nowhere/*.parquet'", "--x", "a",
                "-o", tmp.resolve("x.png").toString()).in(tmp).go();
        assertEquals(66, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("No files found that match the pattern \"nowhere/*.parquet\""), r.stderr());
    }

    @Test
    void aFileAndAQueryAtOnceIsAUsageError() {
        Charton.Result r = Charton.run("plot", "weather.csv", "--sql", "SELECT 1", "-o", tmp.resolve("x.png").toString())
                .go();
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("charton: give either a data file or --sql, not both"), r.stderr());
    }

    private static String[] args(List<String> head, String chart, Path out) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(chart.split(" ")));
        all.addAll(List.of("-o", out.toString()));
        return all.toArray(String[]::new);
    }
}
