package dev.charton.input.csv;

/**
 * The records of one pass over a CSV input, in file order: Commons CSV over decoded text
 * ({@link RecordParser}), or fields cut straight from a file's bytes on both cores
 * ({@link ParallelRecords}). Both give the same records, lines and failures.
 */
interface RecordSource extends AutoCloseable {
    /** How the text is cut into rows and fields. */
    Dialect dialect();

    /** The fields of the next record, or null at the end of the input. */
    String[] next();

    /** The line of the file on which the last record returned by {@link #next()} ended. */
    long line();

    /** Whether the records are cut on threads of their own, so that a pass needs no thread to parse ahead. */
    boolean cutAhead();

    @Override
    void close();
}
