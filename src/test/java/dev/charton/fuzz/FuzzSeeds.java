package dev.charton.fuzz;

import dev.charton.testing.Corpora;
import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Seeds of a fuzz target read from the shared corpora at run time (never copied into the
 * repository). Each fuzz target also replays its own inputs, src/test/resources/dev/charton/fuzz/
 * (target)Inputs/(method)/: small hand-written seeds and every finding.
 */
final class FuzzSeeds {
    /** Larger files slow every mutation down (libFuzzer mutates inputs up to the largest seed's size). */
    private static final long LARGEST_SEED = 64 * 1024;

    private FuzzSeeds() {
    }

    /** The files under the corpus directories {@code relatives} whose paths (in the corpora) pass {@code wanted}. */
    static Stream<Named<byte[]>> from(Predicate<String> wanted, String... relatives) {
        return Stream.of(relatives).map(Corpora::optional).flatMap(Optional::stream)
                .flatMap(FuzzSeeds::filesUnder)
                .filter(file -> wanted.test(Corpora.root().relativize(file).toString()) && size(file) <= LARGEST_SEED)
                .map(file -> Named.of(Corpora.root().relativize(file).toString(), bytes(file)));
    }

    private static Stream<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
