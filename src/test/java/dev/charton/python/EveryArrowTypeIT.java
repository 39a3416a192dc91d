package dev.charton.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.python.pool.WorkerPool;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import dev.charton.table.ArrowStreamSender;
import dev.charton.testing.Corpora;
import dev.charton.testing.TestPython;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Arrow type charton's Java side can read reaches Python intact: each stream of the Arrow
 * integration corpus is read by charton's Arrow reader, sent over the bridge, and compared in Python
 * with pyarrow's own reading of the file. The worker either reads a stream or refuses it with a data
 * error (exit 65), never with a crash or a desynchronised pipe.
 */
class EveryArrowTypeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStreamJavaCanReadArrivesEqualInPyarrow() throws IOException {
        List<String> equal = new ArrayList<>();
        List<String> javaCannotRead = new ArrayList<>();
        List<String> different = new ArrayList<>();
        try (WorkerPool pool = pool(Map.of())) {
            for (Path stream : streams()) {
                String name = Corpora.root().relativize(stream).toString();
                try {
                    String answer = new String(pool.render(TestPython.interpreter(),
                            request("compare_with_file", stream.toString()), send(stream), Duration.ofMinutes(2)).figure(),
                            StandardCharsets.UTF_8);
                    (answer.equals("equal") ? equal : different).add(name + (answer.equals("equal") ? "" : ": " + answer));
                } catch (JavaCannotRead e) {
                    javaCannotRead.add(name + ": " + e.getMessage());
                }
            }
        }
        System.out.println("Arrow streams Java's reader refuses (not the bridge's concern):\n  "
                + String.join("\n  ", javaCannotRead));
        assertEquals(List.of(), different, "streams that changed on their way to Python");
        assertTrue(equal.size() >= 40, "only " + equal.size() + " streams crossed the bridge: " + equal);
    }

    @Test
    void pyarrowReadsOrRefusesCleanlyAndTheWorkerStaysInStep() throws IOException {
        int read = 0;
        List<String> refused = new ArrayList<>();
        try (WorkerPool pool = pool(Map.of("PYTHONPATH", TestPython.extraPackages().toString()))) {
            for (Path stream : streams()) {
                try {
                    JsonNode answer = JSON.readTree(pool.render(TestPython.interpreter(), request("ingest_only", "frame"),
                            send(stream), Duration.ofMinutes(2)).figure());
                    assertEquals("pyarrow", answer.path("reader").asText());
                    read++;
                } catch (JavaCannotRead e) {
                    // Covered by the test above.
                } catch (ChartonException e) {
                    assertEquals(ExitCode.DATA, e.exitCode(), () -> stream + ": " + e.getMessage());
                    refused.add(stream.getFileName() + ": " + e.getMessage());
                }
            }
        }
        System.out.println("pyarrow read " + read + " streams and refused " + refused.size() + ":\n  "
                + String.join("\n  ", refused));
        assertTrue(read >= 45, "pyarrow, which reads every type pandas can hold, read only " + read + " streams");
    }

    private static WorkerPool pool(Map<String, String> extra) {
        Map<String, String> env = TestPython.environment("CHARTON_TEMPLATES", TestPython.faultRenderers().toString());
        env.putAll(extra);
        PythonSetup setup = new PythonSetup(env, new PrintStream(new ByteArrayOutputStream(), true), null);
        return new WorkerPool(setup.launcher("none"), 1);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode request(String renderer, String title) {
        com.fasterxml.jackson.databind.node.ObjectNode request = Frame.object().put("renderer", renderer)
                .put("format", "json");
        request.putObject("spec").put("title", title);
        return request;
    }

    /** The stream as charton's Arrow reader reads it and its sender sends it. */
    private static PythonWorker.DataWriter send(Path stream) {
        BufferAllocator allocator = new RootAllocator();
        TableReader table;
        try {
            table = TableReaders.open(InputSource.of(stream.toString()), ReadOptions.defaults(), allocator);
            table.root();
        } catch (RuntimeException e) {
            allocator.close();
            throw new JavaCannotRead(e);
        }
        return out -> {
            try (allocator; table) {
                ArrowStreamSender.send(table, out);
            } catch (RuntimeException e) {
                throw new JavaCannotRead(e);
            }
        };
    }

    /**
     * The corpus streams, less the big-endian ones: Arrow Java reads those without swapping bytes
     * and sends wrong values (an input-reader issue, outside the bridge).
     */
    private static List<Path> streams() throws IOException {
        Path root = Corpora.require("arrow/integration");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".stream"))
                    .filter(p -> !p.getParent().getFileName().toString().contains("bigendian")).sorted().toList();
        }
    }

    /** charton's Java reader cannot open this stream (compression codecs, big-endian, ...). */
    private static final class JavaCannotRead extends RuntimeException {
        JavaCannotRead(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
