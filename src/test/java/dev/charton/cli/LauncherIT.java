package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Repo;
import dev.charton.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher: version, start-up archive, and its choice of compiler. */
class LauncherIT {

    @Test
    void versionNamesTheReleaseAndTheCommitItWasBuiltFrom() {
        Charton.Result result = Charton.run("--version").env("CHARTON_NO_SETUP", "1").go();
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.stderr());
        String first = result.stdoutText().lines().findFirst().orElseThrow();
        Matcher m = Pattern.compile("charton (\\S+) \\(commit (\\S+)\\)").matcher(first);
        assertTrue(m.matches(), first);
        assertEquals(VersionProvider.releaseNumber(), m.group(1));
        Tools.Output head = Tools.run(List.of("git", "rev-parse", "HEAD"), Map.of());
        String expected = head.exitCode() == 0 ? head.stdout().trim() : "unknown";
        assertTrue(m.group(2).length() >= 10 && expected.startsWith(m.group(2)),
                "built from " + m.group(2) + ", checkout at " + expected);
    }

    @Test
    void classesComeFromTheStartupArchive() {
        Charton.Result result = Charton.run("plot", "--help").env("CHARTON_NO_SETUP", "1")
                .env("CHARTON_JAVA_OPTS", "-Xlog:class+load=info").go();
        assertEquals(0, result.exitCode(), result.toString());
        String log = result.stdoutText();
        for (String type : List.of("dev.charton.cli.Main", "dev.charton.cli.PlotCommand", "picocli.CommandLine")) {
            assertTrue(log.contains(type + " source: shared objects file"), type + " not from the archive");
        }
        long fromJar = log.lines().filter(l -> l.contains("source: jar:") || l.contains("source: file:")).count();
        assertEquals(0, fromJar, "classes read from the jar although the archive covers plot --help");
    }

    /** The smaller archive without Parquet's classes unless a Parquet file or standard input is among the arguments. */
    @Test
    void aParquetInputGetsTheArchiveWithParquetsClasses(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n");
        Path parquet = Repo.root().resolve("examples/weather.parquet");
        assertTrue(finalFlag(csv, "SharedArchiveFile", "\\S+").endsWith("/target/charton-no-parquet.jsa"));
        assertTrue(finalFlag(parquet, "SharedArchiveFile", "\\S+").endsWith("/target/charton.jsa"));
        assertTrue(finalFlag(Path.of("-"), "SharedArchiveFile", "\\S+").endsWith("/target/charton.jsa"));

        Charton.Result result = Charton.run("schema", parquet.toString())
                .env("CHARTON_JAVA_OPTS", "-Xlog:class+load=info").go();
        assertEquals(0, result.exitCode(), result.toString());
        String log = result.stdoutText();
        assertTrue(log.contains("org.apache.parquet.hadoop.ParquetFileReader source: shared objects file"), log);
        long fromJar = log.lines().filter(l -> l.contains("source: jar:") || l.contains("source: file:")).count();
        assertEquals(0, fromJar, "classes read from the jar although the archive covers a Parquet schema");
    }

    @Test
    void worksSilentlyWithAMissingStaleOrForeignArchive(@TempDir Path home) throws IOException {
        Path launcher = Files.copy(Repo.launcher(), home.resolve("charton"), StandardCopyOption.COPY_ATTRIBUTES);
        Path target = Files.createDirectories(home.resolve("target"));
        Path jar = Files.copy(Repo.root().resolve("target/charton.jar"), target.resolve("charton.jar"));
        Instant built = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(jar, FileTime.from(built));
        assertQuietVersion(launcher, "no archive");

        Path archive = Files.copy(Repo.root().resolve("target/charton.jsa"), target.resolve("charton.jsa"));
        Files.setLastModifiedTime(archive, FileTime.from(built.minusSeconds(60)));
        assertQuietVersion(launcher, "archive older than the jar");

        // Newer than the jar, so the launcher passes it on, but recorded for another jar: the JVM rejects it.
        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(30)));
        assertQuietVersion(launcher, "archive of another jar");

        byte[] noise = new byte[1 << 16];
        new java.util.Random(8).nextBytes(noise);
        Files.write(archive, noise);
        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(30)));
        assertQuietVersion(launcher, "not an archive");
    }

    @Test
    void bigInputsGetTheOptimisingCompiler(@TempDir Path dir) throws IOException {
        Path small = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n");
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(17L << 20);
        }
        assertEquals(1, tieredStopAtLevel(small));
        assertEquals(4, tieredStopAtLevel(big));
    }

    /** Asked for only where the kernel offers them: elsewhere the JVM would warn about the flag on standard output. */
    @Test
    void theHeapIsInHugePagesWhereTheKernelOffersThem(@TempDir Path dir) throws IOException {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String offered = Files.isReadable(thp) ? Files.readString(thp) : "";
        boolean expected = offered.contains("[always]") || offered.contains("[madvise]");
        Path small = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n");
        assertEquals(expected ? "true" : "false", finalFlag(small, "UseTransparentHugePages", "\\w+"), offered);
    }

    private static int tieredStopAtLevel(Path input) {
        return Integer.parseInt(finalFlag(input, "TieredStopAtLevel", "\\d"));
    }

    /** The value the launcher's JVM gives {@code flag} for a plot of {@code input}. */
    private static String finalFlag(Path input, String flag, String valuePattern) {
        Charton.Result result = Charton.run("plot", input.toString(), "--help").env("CHARTON_NO_SETUP", "1")
                .env("CHARTON_JAVA_OPTS", "-XX:+PrintFlagsFinal").go();
        assertEquals(0, result.exitCode(), result.toString());
        Matcher m = Pattern.compile("\\b" + flag + "\\s+=\\s+(" + valuePattern + ")").matcher(result.stdoutText());
        assertTrue(m.find(), result.stdoutText());
        return m.group(1);
    }

    private static void assertQuietVersion(Path launcher, String situation) {
        Tools.Output out = Tools.run(List.of(launcher.toString(), "--version"), Map.of("CHARTON_NO_BUILD", "1"));
        assertEquals(0, out.exitCode(), situation + ": " + out.stderr());
        assertTrue(out.stdout().startsWith("charton "), situation + ": " + out.stdout());
        assertEquals("", out.stderr(), situation);
    }
}
