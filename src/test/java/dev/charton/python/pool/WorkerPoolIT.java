package dev.charton.python.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import dev.charton.table.ArrowStreamSender;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warm workers through the Java API batch mode and the shell build on: real Python, real data. */
class WorkerPoolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream pythonStderr = new ByteArrayOutputStream();
    private Path python;
    private WorkerPool pool;

    @BeforeEach
    void startPool() {
        python = TestPython.interpreter();
        Map<String, String> env = TestPython.environment("CHARTON_TEMPLATES", TestPython.faultRenderers().toString());
        PythonSetup setup = new PythonSetup(env, new PrintStream(pythonStderr, true, StandardCharsets.UTF_8), null);
        pool = new WorkerPool(setup.launcher("none"), 2);
    }

    @AfterEach
    void closePool() {
        pool.close();
        assertEquals(0, pool.liveWorkers());
    }

    @Test
    void oneWorkerServesManyRequestsInTurn() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode answer = json(pool.render(python, request("ingest_only"), weather(), null));
            assertEquals(365, answer.path("rows").asInt(), answer::toString);
            pids.add(answer.path("pid").asLong());
        }
        assertEquals(1, pool.liveWorkers(), "requests one after another need one worker");
    }

    @Test
    void nothingOfOneRequestReachesTheNext() throws IOException {
        JsonNode fresh = json(pool.render(python, request("state_inspector"), weather(), null));
        assertEquals("mutated", new String(pool.render(python, request("state_mutator"), weather(), null).figure(),
                StandardCharsets.UTF_8));
        JsonNode after = json(pool.render(python, request("state_inspector"), weather(), null));
        assertEquals(1, pool.liveWorkers(), "all requests ran on one warm worker");
        fresh.fieldNames().forEachRemaining(key -> assertEquals(fresh.get(key), after.get(key), key));
        for (String leak : List.of("env_leaked", "path_leaked", "argv_leaked", "builtin_leaked", "main_global_leaked",
                "warnings_error_filter", "helper_module_loaded", "random_after_seed_1234",
                "numpy_random_after_seed_1234")) {
            assertFalse(after.path(leak).asBoolean(true), leak + " in " + after);
        }
        // The libraries the mutator imported are back at their defaults.
        assertEquals(0, after.path("open_figures").asInt(-1), after::toString);
        assertEquals(1.5, after.path("linewidth").asDouble(), after::toString);
        assertEquals("white", after.path("axes_facecolor").asText(), after::toString);
        assertEquals(60, after.path("pandas_max_rows").asInt(), after::toString);
        assertTrue(after.path("stdout_is_stderr").asBoolean(), after::toString);
        assertEquals(Path.of("").toAbsolutePath().toString(), after.path("cwd").asText());
    }

    @Test
    void aWorkerThatDiedIsReplacedForTheNextRequest() throws IOException {
        long first = json(pool.render(python, request("ingest_only"), weather(), null)).path("pid").asLong();
        ChartonException crash = assertThrows(ChartonException.class,
                () -> pool.render(python, request("os_exit"), weather(), null));
        assertEquals(ExitCode.SOFTWARE, crash.exitCode());
        assertTrue(crash.getMessage().contains("exited with code 7"), crash.getMessage());
        long second = json(pool.render(python, request("ingest_only"), weather(), null)).path("pid").asLong();
        assertNotEquals(first, second);
        assertFalse(TestPython.alive(first));
    }

    @Test
    void aTimeoutKillsTheWorkerAndTheNextRequestGetsAFreshOne() throws IOException {
        ChartonException timeout = assertThrows(ChartonException.class,
                () -> pool.render(python, request("sleep_with_child"), weather(), Duration.ofMillis(1500)));
        assertEquals(ExitCode.TEMP_FAIL, timeout.exitCode());
        assertEquals(365, json(pool.render(python, request("ingest_only"), weather(), null)).path("rows").asInt());
    }

    private static ObjectNode request(String renderer) {
        return Frame.object().put("renderer", renderer).put("format", "json").put("data", "arrow-stream");
    }

    /** The example weather data, read by charton's CSV reader and sent as Arrow. */
    private static PythonWorker.DataWriter weather() {
        return out -> {
            try (BufferAllocator allocator = new RootAllocator();
                 TableReader table = TableReaders.open(InputSource.of(Repo.example("weather.csv").toString()),
                         ReadOptions.defaults(), allocator)) {
                ArrowStreamSender.send(table, out);
            }
        };
    }

    private JsonNode json(PythonWorker.Rendered rendered) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(rendered.figure());
        node.put("pid", rendered.header().path("pid").asLong(-1));
        return node;
    }
}
