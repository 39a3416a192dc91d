package dev.charton.batch;

import java.nio.file.Path;

/**
 * How to run a batch.
 *
 * @param jobs        charts rendered at once (and warm Python workers kept)
 * @param failFast    start no more charts once one has failed
 * @param incremental render only the charts whose data, options or renderer changed since the last run
 * @param index       a Markdown or HTML page showing every figure, or null
 * @param verbose     show Python tracebacks and stack traces of failed charts
 */
public record BatchSettings(int jobs, boolean failFast, boolean incremental, Path index, boolean verbose) {
    public BatchSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
    }
}
