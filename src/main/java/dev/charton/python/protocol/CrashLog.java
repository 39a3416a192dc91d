package dev.charton.python.protocol;

import dev.charton.lifecycle.PrivateTempFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file Python's faulthandler writes a native crash dump to, shown with --verbose. Python
 * creates it (refusing one that exists): Files.createTempFile would set up SecureRandom, tens of
 * milliseconds on the way to starting Python.
 */
public record CrashLog(Path file) {
    private static final AtomicLong COUNT = new AtomicLong();

    static CrashLog next() {
        return new CrashLog(PrivateTempFile.directory().resolve("charton-python-crash-"
                + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + ".log"));
    }

    String path() {
        return file.toString();
    }

    public String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover log in the temp directory is harmless.
        }
    }
}
