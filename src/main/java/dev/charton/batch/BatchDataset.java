package dev.charton.batch;

import java.util.List;

/**
 * A table some charts of a batch draw from; read once, however many use it. Its file may be
 * {@code -}: standard input, which only a batch that reads each dataset once can use.
 *
 * @param readArguments the entry's read options as command-line arguments, for fingerprints
 */
public record BatchDataset(String name, int line, DatasetRead read, List<String> readArguments) {
    public BatchDataset {
        readArguments = List.copyOf(readArguments);
    }
}
