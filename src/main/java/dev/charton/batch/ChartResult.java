package dev.charton.batch;

import dev.charton.error.ChartonException;

/** What became of one chart of a batch, and how long it took (milliseconds; 0 when it did not run). */
record ChartResult(Chart chart, Status status, long millis, ChartonException failure) {
    enum Status {
        RENDERED("rendered"),
        FAILED("failed"),
        UP_TO_DATE("up to date"),
        SKIPPED("skipped");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static ChartResult rendered(Chart chart, long millis) {
        return new ChartResult(chart, Status.RENDERED, millis, null);
    }

    static ChartResult failed(Chart chart, long millis, ChartonException failure) {
        return new ChartResult(chart, Status.FAILED, millis, failure);
    }

    static ChartResult upToDate(Chart chart) {
        return new ChartResult(chart, Status.UP_TO_DATE, 0, null);
    }

    static ChartResult skipped(Chart chart) {
        return new ChartResult(chart, Status.SKIPPED, 0, null);
    }

    /** Whether the figure file is there for this run: rendered now or kept from an earlier one. */
    boolean hasFigure() {
        return status == Status.RENDERED || status == Status.UP_TO_DATE;
    }
}
