package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A date layout such as {@code MMM d yyyy} ("Jan 1 2000") or {@code d/M/yyyy}, matched by hand:
 * the first pass tries the candidate layouts on every cell of a date-like column, and a
 * DateTimeFormatter would throw an exception for every miss. Letters: {@code yyyy} year,
 * {@code M}/{@code MM} month number, {@code MMM} English month abbreviation, {@code MMMM} full
 * month name, {@code d}/{@code dd} day; other characters, or text in single quotes, match literally.
 */
final class DatePattern {
    /** Layouts tried when the user gives no {@code --date-format}, in order of preference. */
    static final List<String> COMMON = List.of("MMM d yyyy", "MMM d, yyyy", "d MMM yyyy", "MMMM d yyyy",
            "MMMM d, yyyy", "d MMMM yyyy", "yyyy/M/d", "M/d/yyyy", "d/M/yyyy", "d.M.yyyy");

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};

    private enum Kind { YEAR, MONTH, MONTH_2, MONTH_SHORT, MONTH_NAME, DAY, DAY_2, LITERAL }

    private record Token(Kind kind, String literal) {
    }

    private final String pattern;
    private final List<Token> tokens;

    private DatePattern(String pattern, List<Token> tokens) {
        this.pattern = pattern;
        this.tokens = tokens;
    }

    /** Compiles a layout; throws IllegalArgumentException naming what is not supported. */
    static DatePattern compile(String pattern) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote in date format '" + pattern + "'");
                }
                tokens.add(new Token(Kind.LITERAL, pattern.substring(i + 1, end)));
                i = end + 1;
                continue;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            tokens.add(token(pattern, c, run - i, pattern.substring(i, run)));
            i = run;
        }
        long fields = tokens.stream().filter(t -> t.kind != Kind.LITERAL).map(t -> t.kind.name().charAt(0)).distinct()
                .count();
        if (fields != 3 || tokens.stream().filter(t -> t.kind != Kind.LITERAL).count() != 3) {
            throw new IllegalArgumentException("date format '" + pattern
                    + "' needs one year (yyyy), one month (M, MM, MMM or MMMM) and one day (d or dd)");
        }
        return new DatePattern(pattern, List.copyOf(tokens));
    }

    private static Token token(String pattern, char letter, int count, String text) {
        if (letter == 'y' && count == 4) {
            return new Token(Kind.YEAR, null);
        }
        if (letter == 'M' && count <= 4) {
            return new Token(new Kind[] {Kind.MONTH, Kind.MONTH_2, Kind.MONTH_SHORT, Kind.MONTH_NAME}[count - 1], null);
        }
        if (letter == 'd' && count <= 2) {
            return new Token(count == 1 ? Kind.DAY : Kind.DAY_2, null);
        }
        if (Character.isLetter(letter)) {
            throw new IllegalArgumentException("'" + text + "' in date format '" + pattern
                    + "' is not supported (use yyyy, M, MM, MMM, MMMM, d, dd; quote literal letters)");
        }
        return new Token(Kind.LITERAL, text);
    }

    String pattern() {
        return pattern;
    }

    /** Days since 1970-01-01, or {@link TextValues#NOT_A_VALUE} when the text does not match. */
    long epochDay(String s) {
        int year = 0;
        int month = 0;
        int day = 0;
        int pos = 0;
        for (Token t : tokens) {
            int value;
            if (t.kind == Kind.LITERAL) {
                if (!s.startsWith(t.literal, pos)) {
                    return TextValues.NOT_A_VALUE;
                }
                pos += t.literal.length();
                continue;
            }
            if (t.kind == Kind.MONTH_SHORT || t.kind == Kind.MONTH_NAME) {
                value = monthName(s, pos, t.kind == Kind.MONTH_SHORT);
                if (value < 0) {
                    return TextValues.NOT_A_VALUE;
                }
                pos += t.kind == Kind.MONTH_SHORT ? 3 : MONTHS[value - 1].length();
            } else {
                int width = numberWidth(t.kind, s, pos);
                value = TextValues.digits(s, pos, width);
                if (value < 0) {
                    return TextValues.NOT_A_VALUE;
                }
                pos += width;
            }
            if (t.kind == Kind.YEAR) {
                year = value;
            } else if (t.kind == Kind.DAY || t.kind == Kind.DAY_2) {
                day = value;
            } else {
                month = value;
            }
        }
        return pos == s.length() ? TextValues.epochDay(year, month, day) : TextValues.NOT_A_VALUE;
    }

    /** How many digits a numeric field takes: fixed, or one or two for M and d. */
    private static int numberWidth(Kind kind, String s, int pos) {
        switch (kind) {
            case YEAR: return 4;
            case MONTH_2: case DAY_2: return 2;
            default: return pos + 1 < s.length() && TextValues.isDigit(s.charAt(pos + 1)) ? 2 : 1;
        }
    }

    /** The month (1-12) whose English name or three-letter abbreviation starts at {@code pos}; -1 if none. */
    private static int monthName(String s, int pos, boolean abbreviated) {
        for (int m = 0; m < MONTHS.length; m++) {
            int length = abbreviated ? 3 : MONTHS[m].length();
            if (s.regionMatches(true, pos, MONTHS[m], 0, length)) {
                return m + 1;
            }
        }
        return -1;
    }
}
