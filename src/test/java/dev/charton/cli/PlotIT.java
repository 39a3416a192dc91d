package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charton plot} end to end: the launcher, the real Python, real matplotlib, real PNGs. */
class PlotIT {
    @TempDir
    Path tmp;

    @Test
    void quickStartRendersAPngOfTheRequestedSize() {
        Path out = tmp.resolve("weather.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "--width", "640", "--height", "480", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage image = Png.decode(out);
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        assertTrue(Png.distinctColours(image) > 10, "the figure should contain a drawn chart, not a blank canvas");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(posixPermissions(out)),
                "a finished figure is readable like any file, not only by its owner as its temporary file was");
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> posixPermissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aColumnNamedWithAQuoteIsDrawnWithoutWarningsFromTheOptionParser() throws IOException {
        Path csv = tmp.resolve("quoted.csv");
        Files.writeString(csv, "a,\"b\"\"x\"\n1,2\n2,3\n");
        Path out = tmp.resolve("quoted.png");
        Charton.Result r = Charton.run("plot", csv.toString(), "--x", "a", "--y", "b\"x", "--kind", "line",
                "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr(), "picocli's quote warnings are not the user's business: the column was found");
        assertEquals(800, Png.decode(out).getWidth());
    }

    @Test
    void readsStdinAndWritesStdout() throws IOException {
        byte[] csv = Files.readAllBytes(Repo.example("weather.csv"));
        Charton.Result r = Charton.run("plot", "-", "--x", "date", "--y", "temp_max,temp_min", "-o", "-")
                .stdin(csv).go();
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage image = Png.decode(r.stdout());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void worksFromAnotherDirectoryThroughASymlink() throws IOException {
        Path link = tmp.resolve("bin/charton");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Repo.launcher());
        Path data = tmp.resolve("data.csv");
        Files.writeString(data, "t,v\n1,2.5\n2,3.5\n3,1.0\n");
        ProcessBuilder pb = new ProcessBuilder(link.toString(), "plot", "data.csv", "--x", "t", "--y", "v", "-o", "fig.png")
                .directory(tmp.toFile()).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), output);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(800, Png.decode(tmp.resolve("fig.png")).getWidth());
    }

    @Test
    void aUsersPrintCannotCorruptTheFigure() throws IOException {
        // A column name that is also Python text: it must arrive as data, and print-like output
        // on the Python side goes to stderr.
        Path data = tmp.resolve("odd.csv");
        Files.writeString(data, "x,\"print('hi'); import os\"\n1,2\n2,4\n3,1\n");
        Path out = tmp.resolve("odd.png");
        Charton.Result r = Charton.run("plot", data.toString(), "--x", "x", "--y", "print('hi'); import os",
                "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, Png.decode(out).getWidth());
    }

    @Test
    void missingInputIsOneLineAndExit66() {
        Path out = tmp.resolve("never.png");
        Charton.Result r = Charton.run("plot", tmp.resolve("nope.csv").toString(), "--x", "a", "-o", out.toString()).go();
        assertEquals(66, r.exitCode(), r::toString);
        assertOneErrorLine(r, "nope.csv: no such file");
        assertFalse(Files.exists(out));
    }

    @Test
    void directoryAsInputIsOneLineAndExit66() {
        Path out = tmp.resolve("never.png");
        Charton.Result r = Charton.run("plot", tmp.toString(), "--x", "a", "-o", out.toString()).go();
        assertEquals(66, r.exitCode(), r::toString);
        assertOneErrorLine(r, "is a directory");
        assertFalse(Files.exists(out));
    }

    @Test
    void unwritableOutputIsOneLineAndExit73() {
        Path out = tmp.resolve("missing-dir/fig.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "-o", out.toString()).go();
        assertEquals(73, r.exitCode(), r::toString);
        assertOneErrorLine(r, "does not exist");
        assertFalse(Files.exists(out));
    }

    @Test
    void readOnlyDirectoryIsOneLineAndExit73() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        dir.toFile().setWritable(false, false);
        try {
            if (Files.isWritable(dir)) {
                // root ignores permission bits: /proc is a directory nobody can create files in.
                dir = Path.of("/proc");
            }
            Path out = dir.resolve("fig.png");
            Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date",
                    "--y", "temp_max", "-o", out.toString()).go();
            assertEquals(73, r.exitCode(), r::toString);
            assertEquals(1, r.chartonLines().size(), r::toString);
            assertFalse(Files.exists(out));
        } finally {
            tmp.resolve("ro").toFile().setWritable(true, false);
        }
    }

    @Test
    void aPythonFailureIsOneLineAndLeavesNoFile() throws IOException {
        Path out = tmp.resolve("fig.png");
        Files.write(out, new byte[] {1, 2, 3});
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp",
                "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r::toString);
        assertOneErrorLine(r, "--y: " + Repo.example("weather.csv") + ": no column named 'temp'");
        assertTrue(r.stderr().contains("temp_max"), "the message should name the closest columns");
        assertEquals(3, Files.size(out), "a failed render must not touch an existing output");
        assertEquals(List.of(), leftoverTempFiles());
    }

    @Test
    void aBrokenInterpreterIsOneLineAndExit69() {
        Path out = tmp.resolve("fig.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "--python", "/bin/false", "-o", out.toString()).go();
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals(1, r.chartonLines().size(), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void missingPackagesAreNamedWithTheInstallCommand() {
        // Debian's own python3 has none of the plotting packages.
        Path out = tmp.resolve("fig.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "--python", "/usr/bin/python3", "-o", out.toString()).go();
        assertEquals(69, r.exitCode(), r::toString);
        assertOneErrorLine(r, "-m pip install");
        assertTrue(r.stderr().contains("pandas"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void noStackTraceWithoutVerbose() {
        Charton.Result r = Charton.run("plot", "--no-such-option", "x.csv", "-o", "x.png").go();
        assertEquals(64, r.exitCode(), r::toString);
        assertFalse(r.stderr().contains("\tat "), r::toString);
    }

    private List<Path> leftoverTempFiles() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static void assertOneErrorLine(Charton.Result r, String expected) {
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith("charton: ") && lines.get(0).contains(expected),
                () -> "expected '" + expected + "' in: " + lines.get(0));
    }
}
