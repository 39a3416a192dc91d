package dev.charton.batch;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;

/** A dataset's file and how to read it, as the read options of its spec entry say. */
public record DatasetRead(InputSource input, ReadOptions options) {
}
