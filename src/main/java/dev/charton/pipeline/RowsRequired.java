package dev.charton.pipeline;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

/**
 * A chart of a table without rows would be empty axes that pass for a figure, so plot, batch and
 * the shell refuse it alike. A user's script is exempt: it may draw something of its own.
 */
public final class RowsRequired {
    private RowsRequired() {
    }

    /** Throws a data error naming {@code source} when the table has no rows and {@code request} draws the chart grammar. */
    public static void check(RenderRequest request, String source, int columns, long rows) {
        if (rows == 0 && request.code().script() == null) {
            throw new ChartonException(ExitCode.DATA, source + ": no rows to plot (the table has " + columns
                    + " columns but no data rows)");
        }
    }
}
