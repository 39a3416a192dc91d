package dev.charton.python.setup;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.DirectoryTrees;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Python side of charton, shipped inside the jar under {@code python-templates/}. At run time
 * it is extracted once into a cache directory named after the jar's build (its size and time), so
 * a new build never runs stale Python and nothing depends on the repository checkout.
 */
public final class PythonTemplates {
    static final String PREFIX = "python-templates/";
    public static final String WORKER_SCRIPT = "charton_worker.py";
    public static final String REQUIREMENTS = "requirements.txt";

    private PythonTemplates() {
    }

    /** The directory holding charton_worker.py, extracting it from the jar when needed. */
    public static Path directory(UserDirectories dirs) {
        try {
            Path codeSource = Path.of(PythonTemplates.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(codeSource)) {
                return codeSource.resolve(PREFIX);
            }
            return extract(codeSource, dirs.cache().resolve("python"));
        } catch (IOException | URISyntaxException e) {
            throw new ChartonException(ExitCode.SOFTWARE, "cannot unpack charton's Python templates: " + e.getMessage(), e);
        }
    }

    private static Path extract(Path jar, Path cacheRoot) throws IOException {
        // Named after the jar's size and modification time: checking for it costs two stats, where
        // opening the jar to hash its entries would delay Python's start on every run.
        Path target = cacheRoot.resolve(Long.toHexString(Files.size(jar)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(jar).toMillis()));
        if (Files.isRegularFile(target.resolve(WORKER_SCRIPT))) {
            return target;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Files.createDirectories(cacheRoot);
            Path staging = Files.createTempDirectory(cacheRoot, ".extract-");
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path out = staging.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!out.startsWith(staging)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another charton extracted the same content first: use theirs.
                DirectoryTrees.deleteQuietly(staging);
            }
            return target;
        }
    }

}
