package dev.charton.fuzz;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One fuzz input read the way {@code charton convert} reads a file: the whole table, batch by
 * batch. What a fuzz target accepts is a clean read or charton's own refusal; anything else (another
 * exception, an internal error, a message of more than one line, a read slower than
 * {@link #SLOWEST_READ} of CPU time, memory left allocated by a clean read) fails the target, and so is a finding.
 */
public final class FuzzedRead {
    static final Duration SLOWEST_READ = Duration.ofSeconds(10);
    /** Arrow memory a fuzz input may take; the JVM heap is bounded by the build's -Xmx. */
    private static final long ARROW_MEMORY = 256L << 20;

    private static Path file;

    private FuzzedRead() {
    }

    /** Reads {@code input} as a file through {@link TableReaders}, with {@code options}. */
    static void read(byte[] input, ReadOptions options) {
        Path path = write(input);
        ReadClock clock = ReadClock.start();
        BufferAllocator allocator = new RootAllocator(ARROW_MEMORY);
        try (TableReader reader = TableReaders.open(InputSource.of(path.toString()), options, allocator)) {
            while (reader.loadNextBatch()) {
                reader.root().getRowCount();
            }
        } catch (ChartonException refusal) {
            checkRefusal(refusal, 1);
            closeAfterRefusal(allocator);
            checkTime(clock);
            return;
        }
        allocator.close();
        checkTime(clock);
    }

    /**
     * Arrow's IPC reader can fail half way through loading a corrupt batch and keep the buffers it had
     * (ArrowIpcTableReader.close says so); after a refusal that is no finding. After a clean read,
     * memory left allocated is one.
     */
    private static void closeAfterRefusal(BufferAllocator allocator) {
        try {
            allocator.close();
        } catch (IllegalStateException leftByArrowsReader) {
            // Reported nowhere: charton itself ignores it the same way.
        }
    }

    /**
     * A refusal is charton's when it has a user-facing exit code (not an internal error) and says what
     * is wrong in at most {@code maxLines} lines.
     */
    public static void checkRefusal(ChartonException refusal, long maxLines) {
        String message = refusal.getMessage();
        if (refusal.exitCode() == ExitCode.SOFTWARE || message == null || message.isBlank()
                || message.lines().count() > maxLines) {
            throw new AssertionError("not a clean refusal (exit " + refusal.exitCode() + "): " + message, refusal);
        }
    }

    /**
     * Fails a read whose thread spent more than {@link #SLOWEST_READ} of CPU time. CPU time, not the
     * clock: on a loaded machine a 1 s read can take 10 s of wall time (a read that hangs is caught by
     * libFuzzer's -timeout, pom.xml). A read that loaded classes is not timed: loading them includes
     * Jazzer instrumenting them, seconds for Parquet and Hadoop, in the reading thread.
     */
    public static void checkTime(ReadClock clock) {
        if (clock.loadedClasses()) {
            return;
        }
        Duration took = clock.cpuTime();
        if (took.compareTo(SLOWEST_READ) > 0) {
            throw new AssertionError("a read took " + took.toMillis() + " ms of CPU time, more than "
                    + SLOWEST_READ.toSeconds() + " s");
        }
    }

    /** The input in a file of its own, reused from one input to the next (a fuzz target runs millions). */
    public static Path write(byte[] input) {
        try {
            if (file == null) {
                Path dir = Files.createTempDirectory("charton-fuzz-");
                dir.toFile().deleteOnExit();
                file = dir.resolve("input");
                file.toFile().deleteOnExit();
            }
            Files.write(file, input);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
