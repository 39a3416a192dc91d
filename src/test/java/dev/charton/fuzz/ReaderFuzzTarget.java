package dev.charton.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.charton.input.InputFormat;
import dev.charton.input.ReadOptions;
import dev.charton.input.csv.CsvOptions;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fuzz target that reads any bytes as a table of one format (null: told by the bytes, as charton
 * does by default). Each subclass is one target, fuzzed in a JVM of its own (docs/fuzzing.md), and
 * names its seeds in a static {@code seeds()}.
 */
abstract class ReaderFuzzTarget {
    private final ReadOptions options;

    ReaderFuzzTarget(InputFormat format) {
        this.options = new ReadOptions(format, CsvOptions.defaults(), null, ReadOptions.NO_LIMIT);
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = FuzzTargets.DURATION)
    void readsOrRefuses(byte[] input) {
        FuzzedRead.read(input, options);
    }
}
