package dev.charton.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data's trip to Python through each Arrow reader, end to end: CHARTON_ARROW_READER forces one,
 * and each gives the renderer the same DataFrame and a real figure.
 */
class ArrowReadersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pyarrow", "polars", "builtin"})
    void eachReaderDeliversTheSameFrame(String reader) throws IOException {
        Charton.Result r = withReader(reader, "plot", Repo.example("weather.csv").toString(), "-r", "ingest_only",
                "--title", "frame", "-f", "json", "-o", "-");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode frame = JSON.readTree(r.stdout());
        assertEquals(reader, frame.path("reader").asText());
        assertEquals(365, frame.path("rows").asInt());
        assertEquals(List.of("date", "temp_max", "temp_min", "precipitation", "wind", "weather"),
                strings(frame.path("columns")));
        // "weather" has five distinct texts: the CSV reader sends it dictionary-encoded, a Categorical here.
        assertEquals(List.of("datetime64[ms]", "float64", "float64", "float64", "float64", "category"),
                strings(frame.path("dtypes")), frame::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyarrow", "polars", "builtin"})
    void eachReaderMakesARealFigure(String reader) {
        Path out = tmp.resolve(reader + ".png");
        Charton.Result r = withReader(reader, "plot", Repo.example("weather.csv").toString(), "--x", "date",
                "--y", "temp_max", "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Png.distinctColours(Png.decode(out)) > 10);
    }

    @Test
    void anUnknownReaderIsOneLineAndExit69() {
        Charton.Result r = withReader("feather", "plot", Repo.example("weather.csv").toString(), "--x", "date",
                "--y", "temp_max", "-o", tmp.resolve("x.png").toString());
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals(1, r.stderr().lines().filter(l -> !l.isBlank()).count(), r::toString);
        assertTrue(r.stderr().contains("CHARTON_ARROW_READER=feather: expected one of pyarrow, polars, builtin"), r::toString);
    }

    @Test
    void pythonStartsBeforeJavaOpensTheInputAndImportsBeforeTheRequestArrives() throws IOException {
        Charton.Result r = withReader("pyarrow", "plot", Repo.example("weather.csv").toString(), "--x", "date",
                "--y", "temp_max", "-o", tmp.resolve("t.png").toString());
        assertEquals(0, r.exitCode(), r::toString);
        String line = r.stderr().lines().filter(l -> l.startsWith("charton: timings ")).findFirst()
                .orElseThrow(() -> new AssertionError("no timings line in " + r.stderr()));
        JsonNode timings = JSON.readTree(line.substring("charton: timings ".length()));
        JsonNode java = timings.path("java");
        JsonNode python = timings.path("python");
        assertTrue(python.path("spawned_at").asDouble() <= java.path("input_opened_at").asDouble(), timings::toString);
        assertTrue(python.path("hello_at").asDouble() <= python.path("preload_started_at").asDouble(), timings::toString);
        assertTrue(python.path("preload_ms").asDouble() > 0, timings::toString);
        assertTrue(python.path("preload_done_at").asDouble() <= python.path("request_received_at").asDouble(), timings::toString);
        assertTrue(java.path("jvm_started_at").asDouble() <= python.path("spawned_at").asDouble(), timings::toString);
    }

    private static Charton.Result withReader(String reader, String... args) {
        Charton charton = Charton.run(args).env("CHARTON_ARROW_READER", reader)
                .env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString())
                .env("CHARTON_TIMINGS", "1");
        if (reader.equals("polars")) {
            charton.env("PYTHONPATH", TestPython.extraPackages().toString());
        }
        return charton.go();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
