package dev.charton.input.csv;

/**
 * Chunks of rows taken in order: parsed from the text, or classified by a stage of the reading
 * pipeline ({@link ReadAhead} runs one on a thread of its own, and closes it when that thread ends).
 */
interface ChunkSource extends AutoCloseable {
    /** The next chunk, or null at the end. */
    RowChunk next();

    @Override
    void close();
}
