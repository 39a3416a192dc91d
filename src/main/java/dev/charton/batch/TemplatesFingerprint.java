package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.setup.PythonTemplates;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A hash of the Python side charton ships (python-templates/): a figure drawn by a built-in
 * renderer changes when that code does. Inside the jar it is read from the zip directory (names,
 * CRCs and sizes), so nothing is decompressed.
 */
final class TemplatesFingerprint {
    private static final String PREFIX = "python-templates/";

    private TemplatesFingerprint() {
    }

    static String compute() {
        try {
            Path source = Path.of(PythonTemplates.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(source) ? ofDirectory(source.resolve(PREFIX)) : ofJar(source);
        } catch (IOException | URISyntaxException e) {
            throw new ChartonException(ExitCode.SOFTWARE, "cannot read charton's Python templates: " + e.getMessage(), e);
        }
    }

    private static String ofJar(Path jar) throws IOException {
        Fingerprints.Digest digest = new Fingerprints.Digest();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> e.getName().startsWith(PREFIX) && !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                digest.add(entry.getName(), Long.toHexString(entry.getCrc()) + "/" + entry.getSize());
            }
        }
        return digest.hex();
    }

    private static String ofDirectory(Path directory) throws IOException {
        Fingerprints.Digest digest = new Fingerprints.Digest();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".pyc") && !f.toString().contains("__pycache__"))
                    .sorted().toList()) {
                digest.add(directory.relativize(file).toString(), Fingerprints.fileHash(file));
            }
        }
        return digest.hex();
    }
}
