package dev.charton.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a charton run may leave behind: processes (found by a marker in their environment, which
 * Python and its children inherit from charton) and files.
 */
public final class Leftovers {
    /** The environment variable a run is marked with. */
    public static final String MARKER = "CHARTON_TEST_RUN";

    private Leftovers() {
    }

    /** A fresh value for {@link #MARKER}. */
    public static String newMarker() {
        return UUID.randomUUID().toString();
    }

    /** Fails if a process marked with {@code marker} still runs a few seconds after charton ended. */
    public static void assertNoProcessMarked(String marker) {
        long deadline = System.currentTimeMillis() + 10_000;
        List<Long> alive = processesMarked(marker);
        while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
            sleep();
            alive = processesMarked(marker);
        }
        assertEquals(List.of(), alive.stream().map(Leftovers::describe).toList(), "processes outlived charton");
    }

    /** Processes whose environment holds MARKER=marker (read from /proc). */
    public static List<Long> processesMarked(String marker) {
        byte[] wanted = ("\0" + MARKER + "=" + marker + "\0").getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> contains(environment(p), wanted))
                    .map(p -> Long.parseLong(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
    }

    /** Every file and directory under {@code dir} (recursively) with its permissions, e.g. rw-------. */
    public static Map<Path, String> filesUnder(Path dir) {
        Map<Path, String> found = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> !p.equals(dir)).forEach(p -> found.put(dir.relativize(p), permissions(p)));
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
        return found;
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            return "gone"; // deleted while listed
        }
    }

    private static byte[] environment(Path proc) {
        try {
            byte[] env = Files.readAllBytes(proc.resolve("environ"));
            byte[] framed = new byte[env.length + 1]; // a leading NUL, so the first variable matches too
            System.arraycopy(env, 0, framed, 1, env.length);
            return framed;
        } catch (IOException e) {
            return new byte[0]; // gone, or not ours to read
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String describe(long pid) {
        return pid + " " + ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
