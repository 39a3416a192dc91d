package dev.charton.output;

import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Leftovers;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the figure cannot go, or goes somewhere unusual: a full disk, a device, a FIFO, a reader
 * that stops early, a symbolic link, two charton processes writing the same file. Each gives one
 * line and a documented exit code, leaves no Python process behind, and never leaves a partial
 * file or replaces a device with a file.
 */
class OutputFaultsIT {
    private static final String WEATHER = Repo.example("weather.csv").toString();

    @TempDir
    Path tmp;

    private final String marker = Leftovers.newMarker();

    /** A plot of the example data; the run is marked so its processes can be found afterwards. */
    private Charton plot(String... more) {
        List<String> args = new ArrayList<>(List.of("plot", WEATHER, "--x", "date", "--y", "temp_max"));
        args.addAll(Arrays.asList(more));
        return Charton.run(args.toArray(String[]::new)).env(Leftovers.MARKER, marker);
    }

    /**
     * A device as the output, through stdout or named with -o: written in place, never replaced by
     * a renamed temporary file. /dev/full fails every write with ENOSPC.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "full, stdout, 74, cannot write the figure to standard output: No space left on device",
        "full, path,   74, cannot write the figure to {device}: No space left on device",
        "null, path,    0, ''",
    })
    void aDeviceIsWrittenInPlace(String device, String how, int exitCode, String message) throws IOException {
        Path node = deviceNode(device);
        Charton.Result r = how.equals("stdout")
                ? plot("-o", "-").stdoutTo(node.toFile()).go()
                : plot("-f", "png", "-o", node.toString()).go();
        assertEquals(exitCode, r.exitCode(), r::toString);
        if (exitCode == 0) {
            assertEquals("", r.stderr());
        } else {
            assertEquals(List.of("charton: " + message.replace("{device}", node.toString())), r.stderr().lines().toList());
        }
        assertTrue(isDevice(node), node + " is still a device");
        try (var siblings = Files.list(node.getParent())) {
            assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith("." + device + "."))
                    .toList(), "no temporary file beside " + node);
        }
        Leftovers.assertNoProcessMarked(marker);
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = tmp.resolve("figure.fifo");
        run("mkfifo", fifo.toString());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> Figures.bytes(fifo));
        Charton.Result r = plot("-f", "png", "-o", fifo.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, Png.decode(reader.get(30, TimeUnit.SECONDS)).getWidth());
        assertTrue(isFifo(fifo), "still a FIFO");
        assertEquals(List.of(fifo.getFileName()), Leftovers.filesUnder(tmp).keySet().stream().toList(),
                "nothing else in the directory");
    }

    /**
     * {@code charton plot ... -o - | head -c 10}, through a real pipe: head exits after 10 bytes,
     * charton's next write fails with EPIPE and it ends quietly with 141, like cat.
     */
    @Test
    void aReaderThatStopsEarlyEndsChartonQuietlyWith141() throws Exception {
        Path errors = tmp.resolve("stderr");
        // Far bigger than a pipe's buffer, so charton is still writing when head has gone.
        ProcessBuilder charton = plot("--width", "2400", "--height", "1800", "-o", "-").processBuilder()
                .redirectError(errors.toFile());
        ProcessBuilder head = new ProcessBuilder("head", "-c", "10");
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(charton, head));
        Process last = pipeline.get(1);
        last.getOutputStream().close();
        byte[] first = last.getInputStream().readAllBytes();
        assertTrue(pipeline.get(0).waitFor(60, TimeUnit.SECONDS), "charton ends once its reader has gone");
        assertEquals(0, last.waitFor());
        assertArrayEquals(Arrays.copyOf(PNG_SIGNATURE, 8), Arrays.copyOf(first, 8), "head got the figure's start");
        assertEquals(10, first.length);
        String stderr = Files.readString(errors);
        assertEquals(141, pipeline.get(0).exitValue(), () -> "stderr: " + stderr);
        assertEquals("", stderr, "no message: the reader stopped on purpose");
        Leftovers.assertNoProcessMarked(marker);
    }

    /** The same for a table: {@code charton convert FILE -o - | head -c 0}, whose Arrow writer wraps the EPIPE. */
    @Test
    void aTableWhoseReaderStopsEarlyEndsChartonQuietlyWith141() throws Exception {
        Path errors = tmp.resolve("stderr");
        ProcessBuilder charton = Charton.run("convert", Repo.example("weather.csv").toString(), "-o", "-")
                .processBuilder().redirectError(errors.toFile());
        ProcessBuilder head = new ProcessBuilder("head", "-c", "0");
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(charton, head));
        pipeline.get(1).getOutputStream().close();
        assertEquals(0, pipeline.get(1).getInputStream().readAllBytes().length);
        assertTrue(pipeline.get(0).waitFor(60, TimeUnit.SECONDS), "charton ends once its reader has gone");
        String stderr = Files.readString(errors);
        assertEquals(141, pipeline.get(0).exitValue(), () -> "stderr: " + stderr);
        assertEquals("", stderr, "no message: the reader stopped on purpose");
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @ParameterizedTest(name = "the linked file exists: {0}")
    @ValueSource(booleans = {true, false})
    void aSymbolicLinkIsFollowedNotReplaced(boolean linkedFileExists) throws IOException {
        Path real = tmp.resolve("real.png");
        if (linkedFileExists) {
            Files.writeString(real, "old");
        }
        Path link = Files.createSymbolicLink(tmp.resolve("latest.png"), real.getFileName());
        Charton.Result r = plot("-o", link.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(800, Png.decode(real).getWidth(), "the file it points at holds the new figure");
        assertEquals(List.of(link.getFileName(), real.getFileName()), Leftovers.filesUnder(tmp).keySet().stream().toList());
    }

    /**
     * Two charton processes writing the same file at once, for several rounds: whatever a reader
     * sees there, during and after, is one whole figure from one of them, never a mix; no
     * temporary file is left.
     */
    @Test
    void twoProcessesWritingOneFileLeaveOneWholeFigure() throws Exception {
        List<String[]> options = List.of(
                new String[] {"--width", "640", "--height", "480"},
                new String[] {"-r", "seaborn", "--y", "temp_min", "--width", "320", "--height", "240"});
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Path alone = tmp.resolve("alone-" + i + ".png");
            assertEquals(0, plot(with(options.get(i), "-o", alone.toString())).go().exitCode());
            expected.add(Figures.bytes(alone));
        }
        Path shared = Files.createDirectory(tmp.resolve("shared")).resolve("figure.png");
        for (int round = 0; round < 3; round++) {
            AtomicBoolean running = new AtomicBoolean(true);
            CompletableFuture<Integer> watcher = CompletableFuture.supplyAsync(() -> watch(shared, expected, running));
            List<Charton.Started> writers = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                writers.add(plot(with(options.get((i + round) % 2), "-o", shared.toString())).start());
            }
            for (Charton.Started writer : writers) {
                writer.stdin().close();
                Charton.Result r = writer.await(180);
                assertEquals(0, r.exitCode(), r::toString);
            }
            running.set(false);
            assertTrue(watcher.get(30, TimeUnit.SECONDS) > 0, "the watcher read the file");
            byte[] last = Figures.bytes(shared);
            assertTrue(expected.stream().anyMatch(e -> Arrays.equals(e, last)), "round " + round + ": one whole figure");
            assertEquals(List.of(shared.getFileName()), Leftovers.filesUnder(shared.getParent()).keySet().stream().toList(),
                    "round " + round + ": no temporary file left");
        }
        Leftovers.assertNoProcessMarked(marker);
    }

    /** Reads {@code file} until told to stop; every version seen must be one of {@code expected}. Returns the reads. */
    private static int watch(Path file, List<byte[]> expected, AtomicBoolean running) {
        int reads = 0;
        do {
            byte[] seen;
            try {
                seen = Files.readAllBytes(file);
            } catch (IOException notYet) {
                continue;
            }
            reads++;
            if (expected.stream().noneMatch(e -> Arrays.equals(e, seen))) {
                throw new AssertionError("a reader saw " + seen.length + " bytes that are neither figure");
            }
        } while (running.get());
        return reads;
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(options));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    /**
     * A character device like /dev/NAME: a copy made with mknod in the test's directory when
     * allowed (root, as in CI: a bug there could not replace the real /dev/null), else the real
     * one, which a user who cannot write in /dev cannot replace either.
     */
    private Path deviceNode(String name) throws IOException {
        Path real = Path.of("/dev", name);
        PosixFileAttributes attributes = Files.readAttributes(real, PosixFileAttributes.class);
        assertTrue(attributes.isOther(), real + " is a device");
        Path copy = tmp.resolve(name);
        String numbers = Files.readString(Path.of("/sys/class/mem", name, "dev")).strip(); // "1:7"
        String[] majorMinor = numbers.split(":");
        if (runs("mknod", "-m", "666", copy.toString(), "c", majorMinor[0], majorMinor[1])) {
            if (opensForWriting(copy)) {
                return copy;
            }
            // A file system mounted nodev (a tmpfs /tmp, often) holds the node but will not open it.
            Files.delete(copy);
            System.err.println("[notice] " + tmp + " does not open device nodes (nodev): testing on " + real);
            return real;
        }
        assertTrue(!Files.isWritable(real.getParent()), "cannot make a copy of " + real + " and /dev is writable: "
                + "refusing to risk the real device");
        return real;
    }

    private static boolean opensForWriting(Path node) {
        try {
            Files.newOutputStream(node, java.nio.file.StandardOpenOption.WRITE).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isDevice(Path node) {
        return !Files.isSymbolicLink(node) && runs("test", "-c", node.toString());
    }

    private static boolean isFifo(Path node) {
        return !Files.isSymbolicLink(node) && runs("test", "-p", node.toString());
    }

    private static void run(String... command) {
        assertTrue(runs(command), String.join(" ", command) + " failed");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
