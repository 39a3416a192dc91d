package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;

/** A statistic that reads every row of a source and returns what the picture needs. */
public interface Reduction {
    /** Scans {@code source} (once or more) and returns the reduced table, allocated from {@code allocator}. */
    ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException;
}
