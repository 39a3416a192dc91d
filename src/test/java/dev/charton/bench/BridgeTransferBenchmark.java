package dev.charton.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import dev.charton.table.ArrowStreamSender;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * bench/bridge-transfer.sh's Java half. Sends about {@code MB} megabytes of Arrow record batches
 * to Python and prints one line per run: mode, bytes of the IPC stream, seconds.
 * <ul>
 *   <li>{@code bridge}: batches already in Java's memory, over the bridge to a warm worker whose
 *       renderer only ingests (pyarrow reads the stream off the pipe into a Table);</li>
 *   <li>{@code base64}: the same batches base64-encoded to a Python that decodes them, then reads
 *       them (the original design);</li>
 *   <li>{@code file}: charton's own path for an Arrow input file: its Arrow reader, then the bridge.</li>
 * </ul>
 * Usage: BridgeTransferBenchmark MB PYTHON FAULT_RENDERERS_DIR RUNS [ARROW_STREAM_FILE]
 */
public final class BridgeTransferBenchmark {
    private static final int ROWS = 1 << 20;

    private BridgeTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(args[0]);
        Path python = Path.of(args[1]);
        int runs = Integer.parseInt(args[3]);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CHARTON_TEMPLATES", args[2]);
        PythonSetup setup = new PythonSetup(env, System.err, python.toString());
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot batch = batch(allocator)) {
            int repeats = (int) Math.max(1, megabytes * 1_000_000 / bytesOf(batch));
            Source memory = out -> ArrowStreamSender.send(new Repeated(batch, repeats), out);
            long bytes = streamBytes(memory);
            for (int run = 0; run < runs; run++) {
                double[] coldWarm = bridge(setup, python, memory);
                System.out.printf("bridge-cold %d %.3f%n", bytes, coldWarm[0]);
                for (int i = 1; i < coldWarm.length; i++) {
                    System.out.printf("bridge %d %.3f%n", bytes, coldWarm[i]);
                }
                System.out.printf("base64 %d %.3f%n", bytes, base64(python, memory));
                if (args.length > 4) {
                    Source file = out -> sendFile(Path.of(args[4]), out);
                    System.out.printf("file %d %.3f%n", java.nio.file.Files.size(Path.of(args[4])),
                            bridge(setup, python, file)[1]);
                }
            }
        }
    }

    /**
     * Seconds from request to answer on a fresh worker whose pyarrow is imported (cold: the memory
     * the table needs is new to the process), then three times on the same worker (warm: pyarrow's
     * memory pool already holds that much).
     */
    private static double[] bridge(PythonSetup setup, Path python, Source source) {
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot empty = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(List.of()), allocator);
             PythonWorker worker = setup.launcher("none").start(python)) {
            // Imports pyarrow without growing its memory pool.
            worker.render(request(), out -> ArrowStreamSender.send(new Repeated(empty, 0), out), null);
            double[] seconds = new double[4];
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                PythonWorker.Rendered answer = worker.render(request(), source::writeTo, null);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                String text = new String(answer.figure(), StandardCharsets.UTF_8);
                if (!text.contains("\"reader\": \"pyarrow\"")) {
                    throw new IllegalStateException("unexpected answer " + text);
                }
            }
            return seconds;
        }
    }

    /** Seconds from the first byte written to Python's answer; Python already started, pyarrow imported. */
    private static double base64(Path python, Source source) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import base64, sys, pyarrow as pa",
                "sys.stdout.write('ready\\n'); sys.stdout.flush()",
                "data = base64.b64decode(sys.stdin.buffer.read())",
                "table = pa.ipc.open_stream(data).read_all()",
                "print(table.num_rows)");
        Process process = new ProcessBuilder(python.toString(), "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] ready = process.getInputStream().readNBytes(6);
        if (!new String(ready, StandardCharsets.US_ASCII).equals("ready\n")) {
            throw new IllegalStateException("the base64 reader did not start");
        }
        long start = System.nanoTime();
        try (OutputStream pipe = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
             OutputStream encoder = Base64.getEncoder().wrap(pipe)) {
            source.writeTo(encoder);
        }
        String rows = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (process.waitFor() != 0 || rows.isEmpty()) {
            throw new IllegalStateException("the base64 reader failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void sendFile(Path stream, OutputStream out) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(InputSource.of(stream.toString()), ReadOptions.defaults(), allocator)) {
            ArrowStreamSender.send(table, out);
        }
    }

    private static ObjectNode request() {
        return Frame.object().put("renderer", "ingest_only").put("format", "json");
    }

    /** One batch of 2^20 rows: two float64 columns, an int64 and a short string. */
    private static VectorSchemaRoot batch(BufferAllocator allocator) {
        Random random = new Random(7);
        Float8Vector x = new Float8Vector("x", allocator);
        Float8Vector y = new Float8Vector("y", allocator);
        BigIntVector n = new BigIntVector("n", allocator);
        VarCharVector label = new VarCharVector("label", allocator);
        List<byte[]> labels = List.of("north", "south", "east", "west").stream()
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        x.allocateNew(ROWS);
        y.allocateNew(ROWS);
        n.allocateNew(ROWS);
        label.allocateNew(ROWS * 5L, ROWS);
        for (int i = 0; i < ROWS; i++) {
            x.set(i, random.nextDouble());
            y.set(i, random.nextGaussian());
            n.set(i, random.nextLong() >>> 24);
            label.setSafe(i, labels.get(random.nextInt(4)));
        }
        VectorSchemaRoot root = VectorSchemaRoot.of(x, y, n, label);
        root.setRowCount(ROWS);
        return root;
    }

    private static long bytesOf(VectorSchemaRoot root) {
        return root.getFieldVectors().stream().mapToLong(v -> v.getBufferSize()).sum();
    }

    private static long streamBytes(Source source) throws IOException {
        long[] count = {0};
        source.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        });
        return count[0];
    }

    @FunctionalInterface
    private interface Source {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The same batch, {@code times} times over. */
    private static final class Repeated implements TableReader {
        private final VectorSchemaRoot root;
        private int left;

        Repeated(VectorSchemaRoot root, int times) {
            this.root = root;
            this.left = times;
        }

        @Override
        public VectorSchemaRoot root() {
            return root;
        }

        @Override
        public DictionaryProvider dictionaries() {
            return new DictionaryProvider.MapDictionaryProvider();
        }

        @Override
        public boolean loadNextBatch() {
            return left-- > 0;
        }

        @Override
        public void close() {
        }
    }
}
