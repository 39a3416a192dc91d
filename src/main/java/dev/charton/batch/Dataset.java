package dev.charton.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A table some charts of a batch draw from; read once, however many use it.
 *
 * @param readArguments the entry's read options as command-line arguments, for fingerprints
 */
public record Dataset(String name, int line, Path path, DatasetRead read, List<String> readArguments) {
    public Dataset {
        readArguments = List.copyOf(readArguments);
    }
}
