package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoubleSpillTest {
    @Test
    void valuesBeyondTheThresholdGoToAPrivateFileAndReadBackEveryTime() throws IOException {
        double[] values = new Random(3).doubles(1_234_567, -5, 5).toArray();
        Path file;
        try (DoubleSpill spill = Datasets.spill(values, 10_000)) {
            assertTrue(spill.spilled());
            file = spillFile();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            for (int pass = 0; pass < 2; pass++) {
                assertArrayEquals(values, readAll(spill), "pass " + pass);
            }
            assertEquals(values.length, spill.count());
            assertEquals(java.util.Arrays.stream(values).min().orElseThrow(), spill.min());
            assertEquals(java.util.Arrays.stream(values).max().orElseThrow(), spill.max());
        }
        assertFalse(Files.exists(file), "closing deletes the spill file");
    }

    @Test
    void fewValuesStayInMemory() throws IOException {
        try (DoubleSpill spill = Datasets.spill(new double[] {1, 2, 3}, 3)) {
            assertFalse(spill.spilled());
            assertArrayEquals(new double[] {1, 2, 3}, readAll(spill));
        }
    }

    @Test
    void refusesValuesThatAreNotFinite() throws IOException {
        try (DoubleSpill spill = new DoubleSpill()) {
            assertThrows(IllegalArgumentException.class, () -> spill.add(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> spill.add(Double.NEGATIVE_INFINITY));
        }
    }

    private static double[] readAll(DoubleSource source) throws IOException {
        List<double[]> blocks = new ArrayList<>();
        source.forEachBlock((block, length) -> blocks.add(java.util.Arrays.copyOf(block, length)));
        return blocks.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** The one spill file in the temporary directory (the newest, should other tests leave some). */
    private static Path spillFile() throws IOException {
        try (var files = Files.list(dev.charton.lifecycle.PrivateTempFile.directory())) {
            return files.filter(path -> path.getFileName().toString().startsWith("charton-values-"))
                    .max(java.util.Comparator.comparing(path -> path.toFile().lastModified())).orElseThrow();
        }
    }
}
