package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.TestPython;
import dev.charton.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Columns that cannot be drawn as the options name them, through the real launcher: nested Parquet
 * columns refused with their name and type, struct fields drawn when named by path, text whose
 * values read as numbers refused rather than drawn as categories. No refusal leaves an output file.
 */
class ColumnShapesIT {
    private static final int DATA = 65;

    @TempDir
    Path tmp;
    private Path nested;

    @BeforeEach
    void writeNestedParquet() {
        nested = tmp.resolve("nested.parquet");
        String code = "import pyarrow as pa, pyarrow.parquet as pq, sys\n"
                + "pq.write_table(pa.table({'id': [1, 2, 3, 4],"
                + " 's': [{'a': 1.0, 'b': 'x'}, {'a': 2.0, 'b': 'y'}, {'a': 3.5, 'b': 'x'}, None],"
                + " 'tags': [['a'], ['b', 'c'], [], None]}), sys.argv[1])\n";
        Tools.Output written = Tools.run(List.of(TestPython.interpreter().toString(), "-c", code, nested.toString()), Map.of());
        assertEquals(0, written.exitCode(), written.stderr());
    }

    @Test
    void aStructFieldNamedByItsPathIsDrawn() throws IOException {
        Path out = tmp.resolve("s.json");
        Charton.Result r = Charton.run("plot", nested.toString(), "--x", "id", "--y", "s.a", "--color", "s.b",
                "--renderer", "altair", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode spec = Figures.json(Files.readAllBytes(out));
        assertEquals("s.a", spec.path("encoding").path("y").path("title").asText(), spec.toString());
        List<Double> ys = new ArrayList<>();
        spec.path("datasets").elements().next().forEach(row -> ys.add(row.path("y").asDouble()));
        ys.sort(null);
        assertEquals(List.of(1.0, 2.0, 3.5), ys);
    }

    @Test
    void nestedColumnsAreRefusedWithTheirNameAndType() {
        assertRefused(List.of("--x", "id", "--y", "s.a", "--color", "tags"),
                "charton: --color: nested.parquet: column 'tags' is list<utf8>, which has no single value per row to draw");
        assertRefused(List.of("--x", "id", "--y", "s"), "charton: --y: nested.parquet: column 's' is struct<a: float64,"
                + " b: utf8>, which has no single value per row to draw; name one of its fields as 's.a'");
    }

    @Test
    void textWhoseValuesReadAsNumbersIsRefusedUnlessTheKindDrawsText() throws IOException {
        Path csv = tmp.resolve("spoiled.csv");
        StringBuilder rows = new StringBuilder("name,amount\n");
        for (int i = 1; i <= 19; i++) {
            rows.append("n").append(i).append(",\"").append(i).append(",250\"\n");
        }
        Files.writeString(csv, rows.append("n20,unknown\n"));
        Path out = tmp.resolve("a.png");
        Charton.Result refused = Charton.run("plot", "spoiled.csv", "--x", "name", "--y", "amount", "-o", out.toString())
                .in(tmp).go();
        assertEquals(DATA, refused.exitCode(), refused.toString());
        assertEquals(List.of("charton: --y: spoiled.csv: column 'amount' was read as text, but 19 of 20 values look like"
                + " numbers ('1,250') (not 'unknown'; --null-value 'unknown' reads such cells as nulls, in place of the"
                + " default tokens); to draw it as text, name the kind with --kind"), refused.stderr().lines().toList());
        assertFalse(Files.exists(out));

        Charton.Result asNulls = Charton.run("plot", csv.toString(), "--x", "name", "--y", "amount",
                "--null-value", "unknown", "-o", out.toString()).go();
        assertEquals(0, asNulls.exitCode(), asNulls.toString());

        Path counts = tmp.resolve("counts.png");
        Charton.Result asText = Charton.run("plot", csv.toString(), "--x", "amount", "--kind", "bar",
                "-o", counts.toString()).go();
        assertEquals(0, asText.exitCode(), asText.toString());
        assertTrue(Files.size(counts) > 0);
    }

    @Test
    void textThatReadsAsNumbersOrTimesIsRefusedFromParquetArrowAndSql() throws IOException {
        // github.csv's times, stored as text (plain in Parquet, dictionary-encoded in Arrow), and amounts with thousands.
        String code = "import pyarrow as pa, pyarrow.parquet as pq, pyarrow.feather as pf, sys\n"
                + "t = pa.table({'time': ['2015/01/01 %02d:00:00' % h for h in range(24)], 'count': list(range(24)),"
                + " 'amount': ['1,%03d' % h for h in range(24)], 'name': ['n%d' % h for h in range(24)]})\n"
                + "pq.write_table(t, sys.argv[1] + '/text.parquet')\n"
                + "pf.write_feather(t.set_column(0, 'time', t['time'].dictionary_encode()), sys.argv[1] + '/text.arrow')\n";
        Tools.Output written = Tools.run(List.of(TestPython.interpreter().toString(), "-c", code, tmp.toString()), Map.of());
        assertEquals(0, written.exitCode(), written.stderr());
        String times = "column 'time' was read as text, but all 24 values look like dates or times"
                + " ('2015/01/01 00:00:00'); read them as times with --type time=timestamp, or store the column as"
                + " timestamps; to draw it as text, name the kind with --kind";
        for (String file : List.of("text.parquet", "text.arrow")) {
            assertRefusedWith(List.of("plot", file, "--x", "time", "--y", "count"), "charton: --x: " + file + ": " + times);
        }
        assertRefusedWith(List.of("plot", "--sql", "SELECT * FROM 'text.parquet'", "--x", "name", "--y", "amount"),
                "charton: --y: DuckDB query: column 'amount' was read as text, but all 24 values look like numbers"
                        + " ('1,000'); read them as numbers with --type amount=float64, or store the column as"
                        + " numbers; to draw it as text, name the kind with --kind");

        Path counts = tmp.resolve("counts.png");
        Charton.Result asText = Charton.run("plot", "text.parquet", "--x", "time", "--kind", "bar",
                "-o", counts.toString()).in(tmp).go();
        assertEquals(0, asText.exitCode(), asText.toString());
        assertTrue(Files.size(counts) > 0);
    }

    private void assertRefusedWith(List<String> command, String line) {
        Path out = tmp.resolve("refused.png");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-o", out.toString()));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).in(tmp).go();
        assertEquals(DATA, r.exitCode(), r.toString());
        assertEquals(List.of(line), r.stderr().lines().toList());
        assertFalse(Files.exists(out));
    }

    private void assertRefused(List<String> options, String line) {
        Path out = tmp.resolve("refused.png");
        List<String> args = new ArrayList<>(List.of("plot", "nested.parquet"));
        args.addAll(options);
        args.addAll(List.of("-o", out.toString()));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).in(tmp).go();
        assertEquals(DATA, r.exitCode(), r.toString());
        assertEquals(List.of(line), r.stderr().lines().toList());
        assertFalse(Files.exists(out));
    }
}
