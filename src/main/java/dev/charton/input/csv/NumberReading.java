package dev.charton.input.csv;

import java.util.List;

/**
 * How a column writes its numbers: the thousands separator (none: {@code 0}) and the decimal mark.
 * Without {@code --thousands} or {@code --decimal-comma}, three readings are tried on every value
 * of a number-like column, and the first that reads them all is kept: plain ({@code 1234.5}), comma
 * thousands ({@code 1,234.5}), then decimal comma with dot thousands ({@code 1.234,5}). So
 * {@code 1.234} alone is a decimal point, {@code 1,234} alone is a thousand, and a column with both
 * {@code 1,5} and {@code 2.000,25} reads with a decimal comma. Thousands groups must have three
 * digits, so {@code 1,5} is never a thousands separator.
 *
 * @param group   the thousands separator, {@code 0} for none
 * @param decimal the decimal mark
 */
record NumberReading(char group, char decimal) {
    static final NumberReading PLAIN = new NumberReading((char) 0, '.');
    static final List<NumberReading> DETECTED = List.of(PLAIN, new NumberReading(',', '.'), new NumberReading('.', ','));

    // equals and hashCode written out: a record's generated ones are linked by a bootstrap method the
    // first time they run, a few milliseconds of every small command's start (see Storage).
    @Override
    public boolean equals(Object o) {
        return o instanceof NumberReading other && group == other.group && decimal == other.decimal;
    }

    @Override
    public int hashCode() {
        return group * 65_537 + decimal;
    }

    /** The readings to try: the user's, or {@link #DETECTED}. */
    static List<NumberReading> candidates(Character thousands, boolean decimalComma) {
        if (thousands == null && !decimalComma) {
            return DETECTED;
        }
        return List.of(new NumberReading(thousands == null ? 0 : thousands, decimalComma ? ',' : '.'));
    }

    boolean isPlain() {
        return group == 0 && decimal == '.';
    }

    /**
     * Whether {@link #plain} returns every text whose {@link TextValues#numberKind} is {@code kind} (not
     * {@link TextValues#NOT_A_NUMBER}) as it is, without looking at the text: this reading's marks cannot
     * occur in it. An integer is digits after an optional sign; a float also has a point, an exponent or
     * the letters of inf, infinity or nan.
     */
    boolean leavesAsWritten(int kind) {
        return isPlain() || !canOccur(group, kind) && (decimal == '.' || !canOccur(decimal, kind));
    }

    private static boolean canOccur(char c, int kind) {
        return TextValues.isDigit(c) || c == '-' || c == '+'
                || kind == TextValues.FLOAT && (c == '.' || Character.isLetter(c));
    }

    /** The text as a plain number (no separators, a decimal point), or null when it is not written this way. */
    String plain(String s) {
        if (isPlain() || s.indexOf(group) < 0 && (decimal == '.' || s.indexOf(decimal) < 0)) {
            return s; // nothing to take out or replace: the common case, kept free of copies
        }
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int start = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        out.append(s, 0, start);
        int run = 0;
        boolean grouped = false;
        int i = start;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (TextValues.isDigit(c)) {
                run++;
                out.append(c);
            } else if (group != 0 && c == group) {
                if (run == 0 || run > 3 || grouped && run != 3) {
                    return null;
                }
                grouped = true;
                run = 0;
            } else {
                break;
            }
        }
        if (grouped && run != 3) {
            return null;
        }
        if (i < n && s.charAt(i) == decimal) {
            out.append('.');
            i++;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == group || c == '.' && decimal != '.' || c == ',') {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** How {@code schema} names the reading. */
    String describe() {
        String marks = "decimal " + (decimal == ',' ? "comma" : "point");
        return group == 0 ? marks : "thousands separator '" + group + "', " + marks;
    }
}
