package dev.charton.pipeline.reduce;

import java.io.IOException;
import java.util.List;

/**
 * A scan in long form: each row (with an x, when the chart has one), once per --y column, with the
 * series it belongs to.
 */
final class SeriesRows {
    private SeriesRows() {
    }

    @FunctionalInterface
    interface Visitor {
        /** {@code row} indexes the current batch (bound to {@code x}); {@code y} is NaN for a null. */
        void accept(int row, Series series, double x, double y);
    }

    /** Visits every value with a non-null x (every value when {@code x} is null, NaN as x); returns the rows read. */
    static long scan(BatchSource source, XColumn x, SeriesColumns series, List<String> yNames, Visitor visitor)
            throws IOException {
        return RowScan.scan(source, (batch, dictionaries, firstRow) -> {
            if (x != null) {
                x.bind(batch, firstRow);
            }
            series.bind(batch, dictionaries);
            NumberView[] ys = RowScan.numbers(batch, yNames);
            for (int row = 0; row < batch.getRowCount(); row++) {
                if (x != null && x.isNull(row)) {
                    continue;
                }
                double xValue = x == null ? Double.NaN : x.value(row);
                for (int c = 0; c < ys.length; c++) {
                    visitor.accept(row, series.of(c, row), xValue, ys[c].isNull(row) ? Double.NaN : ys[c].get(row));
                }
            }
        });
    }
}
