package dev.charton.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Python older than the oldest charton supports (MINIMUM_PYTHON in charton_worker.py):
 * pyenv's (the newest such one), else pypy3 (Debian's is Python 3.9), python2 or python2.7 on
 * PATH. Under CI a missing one fails the test (.ci/run installs pypy3 when there is none);
 * elsewhere the test is skipped with a visible notice.
 */
public final class OldPython {
    private static final Pattern MINIMUM = Pattern.compile("(?m)^MINIMUM_PYTHON = \\((\\d+), (\\d+)\\)");
    private static Found found;

    /** An interpreter and the version it reported. */
    public record Found(Path executable, String version) {
    }

    private OldPython() {
    }

    /** The oldest version charton supports, as "3.10". */
    public static String minimum() {
        int[] minimum = minimumParts();
        return minimum[0] + "." + minimum[1];
    }

    public static synchronized Found require() {
        if (found != null) {
            return found;
        }
        int[] minimum = minimumParts();
        for (Path candidate : candidates()) {
            String version = versionOf(candidate);
            if (version != null && olderThan(version, minimum)) {
                found = new Found(candidate, version);
                return found;
            }
        }
        String message = "no Python older than " + minimum() + " found (pyenv, pypy3, python2); apt-get install pypy3";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; under CI one is required");
        }
        System.err.println("NOTICE: skipping: " + message);
        Assumptions.abort(message);
        return null;
    }

    private static List<Path> candidates() {
        List<Path> list = new ArrayList<>();
        String pyenvRoot = System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv");
        Path versions = Path.of(pyenvRoot, "versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.sorted(Comparator.comparing(OldPython::versionKey).reversed())
                        .map(d -> d.resolve("bin/python")).filter(Files::isExecutable).forEach(list::add);
            } catch (IOException e) {
                // No pyenv versions to offer.
            }
        }
        for (String name : List.of("pypy3", "python2", "python2.7")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path program = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(program)) {
                    list.add(program);
                    break;
                }
            }
        }
        return list;
    }

    /** "3.9.18" sorts as 003009018, so the newest old version is tried first. */
    private static String versionKey(Path dir) {
        StringBuilder key = new StringBuilder();
        for (String part : dir.getFileName().toString().split("\\.")) {
            key.append(String.format("%03d", part.matches("\\d{1,3}") ? Integer.parseInt(part) : 0));
        }
        return key.toString();
    }

    private static String versionOf(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c",
                    "import sys; sys.stdout.write('%d.%d.%d' % tuple(sys.version_info[:3]))")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("\\d+\\.\\d+\\.\\d+") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean olderThan(String version, int[] minimum) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major < minimum[0] || major == minimum[0] && minor < minimum[1];
    }

    private static int[] minimumParts() {
        try {
            Matcher m = MINIMUM.matcher(Files.readString(Repo.root().resolve("python-templates/charton_worker.py")));
            if (!m.find()) {
                throw new AssertionError("charton_worker.py defines no MINIMUM_PYTHON = (X, Y)");
            }
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
