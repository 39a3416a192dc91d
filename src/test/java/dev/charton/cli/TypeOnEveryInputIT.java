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

/**
 * {@code --type} reads text columns of Parquet, Arrow and query results as the CSV reader reads them:
 * github.csv's times ({@code 2015/01/01 01:00:00}) and amounts with thousands ({@code 1,005}) stored
 * as text, plain in Parquet, the times dictionary-encoded in Arrow.
 */
class TypeOnEveryInputIT {
    private static final List<String> TYPES = List.of("--type", "time=timestamp", "--type", "amount=float64");

    @TempDir
    Path tmp;

    @BeforeEach
    void writeTextTables() {
        String code = "import pyarrow as pa, pyarrow.parquet as pq, pyarrow.feather as pf, sys\n"
                + "t = pa.table({'time': ['2015/01/01 %02d:00:00' % h for h in range(24)], 'count': list(range(24)),"
                + " 'amount': ['1,%03d' % h for h in range(24)]})\n"
                + "pq.write_table(t, sys.argv[1] + '/text.parquet')\n"
                + "pf.write_feather(t.set_column(0, 'time', t['time'].dictionary_encode()), sys.argv[1] + '/text.arrow')\n"
                + "pq.write_table(t.set_column(2, 'amount', pa.array(['1,%03d' % h for h in range(23)] + ['lots'])),"
                + " sys.argv[1] + '/lots.parquet')\n";
        Tools.Output written = Tools.run(List.of(TestPython.interpreter().toString(), "-c", code, tmp.toString()), Map.of());
        assertEquals(0, written.exitCode(), written.stderr());
    }

    @Test
    void textColumnsOfParquetArrowAndAQueryAreDrawnAsTheTypesNamed() throws IOException {
        for (List<String> input : List.of(List.of("text.parquet"), List.of("text.arrow"),
                List.of("--sql", "SELECT * FROM 'text.parquet'"))) {
            Path out = tmp.resolve("typed.json");
            List<String> args = new ArrayList<>(List.of("plot"));
            args.addAll(input);
            args.addAll(List.of("--x", "time", "--y", "amount", "--renderer", "altair", "-o", out.toString()));
            args.addAll(TYPES);
            Charton.Result r = Charton.run(args.toArray(String[]::new)).in(tmp).go();
            assertEquals(0, r.exitCode(), r.toString());
            JsonNode spec = Figures.json(Files.readAllBytes(out));
            assertEquals("temporal", spec.path("encoding").path("x").path("type").asText(), input.toString());
            assertEquals("quantitative", spec.path("encoding").path("y").path("type").asText(), input.toString());
            List<String> drawn = new ArrayList<>();
            spec.path("datasets").elements().next().forEach(row -> drawn.add(row.path("x").asText() + " "
                    + row.path("y").asDouble()));
            List<String> expected = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                expected.add(String.format("2015-01-01T%02d:00:00 %.1f", hour, 1000.0 + hour));
            }
            assertEquals(expected, drawn, input.toString());
        }
        for (String file : List.of("text.parquet", "text.arrow")) {
            List<String> args = new ArrayList<>(List.of("schema", file, "--json"));
            args.addAll(TYPES);
            Charton.Result schema = Charton.run(args.toArray(String[]::new)).in(tmp).go();
            assertEquals(0, schema.exitCode(), schema.toString());
            List<String> types = new ArrayList<>();
            Figures.json(schema.stdout()).path("columns").forEach(column -> types.add(column.path("type").asText()));
            assertEquals(List.of("timestamp[us]", "int64", "float64"), types, file);
        }
    }

    @Test
    void aValueThatIsNotOfTheTypeIsRefusedWithItsRowAsInACsvFile() {
        assertRefused(List.of("plot", "lots.parquet", "--x", "time", "--y", "amount"), 65,
                "charton: lots.parquet:24: column 'amount' is float64 by --type, but has 'lots'");
        assertRefused(List.of("plot", "--sql", "SELECT * FROM 'lots.parquet'", "--x", "time", "--y", "amount"), 65,
                "charton: DuckDB query:24: column 'amount' is float64 by --type, but has 'lots'");
        assertRefused(List.of("convert", "lots.parquet"), 65,
                "charton: lots.parquet:24: column 'amount' is float64 by --type, but has 'lots'");
    }

    @Test
    void aColumnThatIsNotTextIsRefusedAndTextMeantAsTextIsDrawnAsText() throws IOException {
        assertRefused(List.of("plot", "text.parquet", "--x", "time", "--y", "count", "--type", "count=timestamp"), 64,
                "charton: --type count=timestamp[us]: column 'count' of text.parquet is int64, not text: --type reads"
                        + " text columns (and every column of a CSV file)");
        Path out = tmp.resolve("text.json");
        Charton.Result r = Charton.run("plot", "text.arrow", "--x", "time", "--y", "count", "--type", "time=string",
                "--renderer", "altair", "-o", out.toString()).in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode spec = Figures.json(Files.readAllBytes(out));
        assertEquals("nominal", spec.path("encoding").path("x").path("type").asText(), spec.path("encoding").toString());
    }

    private void assertRefused(List<String> command, int exitCode, String line) {
        Path out = tmp.resolve(command.get(0).equals("convert") ? "refused.arrow" : "refused.png");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-o", out.toString()));
        if (!args.contains("--type")) {
            args.addAll(TYPES);
        }
        Charton.Result r = Charton.run(args.toArray(String[]::new)).in(tmp).go();
        assertEquals(exitCode, r.exitCode(), r.toString());
        assertEquals(List.of(line), r.stderr().lines().toList());
        assertFalse(Files.exists(out));
    }
}
