package dev.charton.pipeline.stats;

import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected statistics from the real numpy, pandas and matplotlib (and charton's grammar.py, the
 * reference): a script gets the test's values as {@code x} (read from a file the test writes) and
 * leaves its answer in {@code out}, a flat array written back as float64 or int64.
 */
final class PythonReference {
    private PythonReference() {
    }

    static double[] doubles(String script, double[] values) {
        ByteBuffer input = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        input.asDoubleBuffer().put(values);
        ByteBuffer output = run(script, "<f8", input.array(), "<f8");
        double[] result = new double[output.remaining() / Double.BYTES];
        output.asDoubleBuffer().get(result);
        return result;
    }

    static long[] longs(String script, long[] values) {
        ByteBuffer input = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        input.asLongBuffer().put(values);
        ByteBuffer output = run(script, "<i8", input.array(), "<i8");
        long[] result = new long[output.remaining() / Long.BYTES];
        output.asLongBuffer().get(result);
        return result;
    }

    private static ByteBuffer run(String script, String inputType, byte[] input, String outputType) {
        try {
            Path directory = Files.createTempDirectory("charton-stats-test-");
            Path in = directory.resolve("in.bin");
            Path out = directory.resolve("out.bin");
            Files.write(in, input);
            String program = "import sys\nsys.path.insert(0, 'python-templates')\nimport numpy as np\n"
                    + "x = np.fromfile(sys.argv[1], dtype='" + inputType + "')\n" + script + "\n"
                    + "np.asarray(out).astype('" + outputType + "').ravel().tofile(sys.argv[2])\n";
            Process python = new ProcessBuilder(TestPython.interpreter().toString(), "-c", program,
                    in.toString(), out.toString()).directory(Repo.root().toFile()).redirectErrorStream(true).start();
            String log = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(10, TimeUnit.MINUTES), "Python did not finish");
            assertEquals(0, python.exitValue(), () -> "the reference script failed:\n" + program + "\n" + log);
            ByteBuffer result = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            Files.delete(in);
            Files.delete(out);
            Files.delete(directory);
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run the reference script", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
