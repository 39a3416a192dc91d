package dev.charton.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data's trip to Python through its Arrow reader, pyarrow, end to end: the renderer gets the
 * DataFrame and makes a real figure, and a Python without pyarrow is one line and exit 69.
 */
class ArrowReadersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void pyarrowDeliversTheFrame() throws IOException {
        String reader = "pyarrow";
        Charton.Result r = withPython("plot", Repo.example("weather.csv").toString(), "-r", "ingest_only",
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

    @Test
    void pyarrowMakesARealFigure() {
        Path out = tmp.resolve("pyarrow.png");
        Charton.Result r = withPython("plot", Repo.example("weather.csv").toString(), "--x", "date",
                "--y", "temp_max", "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Png.distinctColours(Png.decode(out)) > 10);
    }

    @Test
    void aPythonWithoutPyarrowIsOneLineAndExit69() throws IOException {
        // sitecustomize runs at start-up: pyarrow then cannot be imported, as if it were not installed.
        Path site = Files.createDirectories(tmp.resolve("no-pyarrow"));
        Files.writeString(site.resolve("sitecustomize.py"), "import sys\nsys.modules['pyarrow'] = None\n");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date",
                        "--y", "temp_max", "-o", tmp.resolve("x.png").toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString()).env("CHARTON_NO_SETUP", "1")
                .env("PYTHONPATH", site.toString()).go();
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals(1, r.stderr().lines().filter(l -> !l.isBlank()).count(), r::toString);
        assertTrue(r.stderr().contains("pyarrow") && r.stderr().contains("pip install"), r::toString);
        assertTrue(Files.notExists(tmp.resolve("x.png")), "no partial output");
    }

    @Test
    void pythonStartsBeforeJavaOpensTheInputAndImportsBeforeTheRequestArrives() throws IOException {
        Charton.Result r = withPython("plot", Repo.example("weather.csv").toString(), "--x", "date",
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

    private static Charton.Result withPython(String... args) {
        return Charton.run(args).env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString())
                .env("CHARTON_TIMINGS", "1").go();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
