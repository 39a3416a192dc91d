package dev.charton.input.csv;

import java.util.List;

/**
 * Decides whether the first row of a file names its columns. It does when, in some column whose
 * values below are all of one kind (numbers, booleans or dates and times), the first row's cell is
 * not of that kind: {@code year,count} over {@code 2019,5}. It does not when every such column's
 * first cell fits (the first row is data: {@code 1,AAAAB,980124} over {@code 2,AAAAC,980125}).
 * When no column has a kind (text everywhere), nothing tells, and the first row is taken as the
 * header, which is what most files have: so a header of numbers such as {@code 2019,2020} stays a
 * header over rows of text. A file of one row is a header only when all of it is text.
 */
final class HeaderSniffer {
    enum Kind { NUMBER, BOOLEAN, TEMPORAL, TEXT }

    record Verdict(boolean header, String reason) {
    }

    private HeaderSniffer() {
    }

    static Verdict judge(List<String[]> rows, NullTokens nulls) {
        if (rows.isEmpty()) {
            return new Verdict(true, "header: the first row");
        }
        String[] first = rows.get(0);
        if (rows.size() == 1) {
            for (String cell : first) {
                String text = TextValues.trim(cell);
                if (!nulls.isNull(text) && kind(text) != Kind.TEXT) {
                    return new Verdict(false, "no header: the only row holds a " + kind(text).name().toLowerCase()
                            + " ('" + ColumnEvidence.abbreviate(text) + "'), which names no column (use --header"
                            + " if it does)");
                }
            }
            return new Verdict(true, "header: the only row, all text (no rows below it to compare with)");
        }
        boolean typed = false;
        for (int column = 0; column < first.length; column++) {
            Kind below = kindBelow(rows, column, nulls);
            if (below == null || below == Kind.TEXT) {
                continue;
            }
            typed = true;
            String cell = TextValues.trim(first[column]);
            if (!nulls.isNull(cell) && kind(cell) != below) {
                return new Verdict(true, "header: the first row ('" + ColumnEvidence.abbreviate(cell) + "' over "
                        + below.name().toLowerCase() + " values in column " + (column + 1) + ")");
            }
        }
        if (!typed) {
            return new Verdict(true, "header: the first row (every column is text, so it cannot differ in kind;"
                    + " use --no-header if it is data)");
        }
        return new Verdict(false, "no header: the first row's values are of the same kinds as the rows below"
                + " (columns named column_1, column_2, ...; use --header if it names them)");
    }

    /** The kind of every non-null value of {@code column} below the first row; null when it has none. */
    private static Kind kindBelow(List<String[]> rows, int column, NullTokens nulls) {
        Kind kind = null;
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (column >= row.length) {
                continue;
            }
            String cell = TextValues.trim(row[column]);
            if (nulls.isNull(cell)) {
                continue;
            }
            Kind k = kind(cell);
            if (kind != null && k != kind) {
                return Kind.TEXT;
            }
            kind = k;
        }
        return kind;
    }

    static Kind kind(String s) {
        if (TextValues.parseBoolean(s) >= 0) {
            return Kind.BOOLEAN;
        }
        for (NumberReading reading : NumberReading.DETECTED) {
            String plain = reading.plain(s);
            if (plain != null && TextValues.numberKind(plain) != TextValues.NOT_A_NUMBER) {
                return Kind.NUMBER;
            }
        }
        if (TextValues.isoDateToEpochDay(s) != TextValues.NOT_A_VALUE
                || TextValues.parseTimestamp(s, false) != TextValues.NOT_A_VALUE
                || TextValues.parseTimestamp(s, true) != TextValues.NOT_A_VALUE
                || TextValues.timeOfDayMicros(s) != TextValues.NOT_A_VALUE) {
            return Kind.TEMPORAL;
        }
        for (DatePattern layout : Layouts.COMMON.dates()) {
            if (layout.epochDay(s) != TextValues.NOT_A_VALUE) {
                return Kind.TEMPORAL;
            }
        }
        for (DatePattern layout : Layouts.COMMON.timestamps()) {
            if (layout.micros(s) != TextValues.NOT_A_VALUE) {
                return Kind.TEMPORAL;
            }
        }
        return Kind.TEXT;
    }
}
