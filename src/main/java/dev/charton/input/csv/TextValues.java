package dev.charton.input.csv;

import java.time.ZoneOffset;

/**
 * Hand-written recognisers and parsers for CSV cell text. They avoid regular expressions, boxing and
 * exceptions on the hot path: the first pass calls them for every cell of the file.
 */
final class TextValues {
    /** Returned by the parsers below when the text is not a value of their kind. */
    static final long NOT_A_VALUE = Long.MIN_VALUE;

    static final int NOT_A_NUMBER = 0;
    static final int INT64 = 1;
    /** An integer beyond int64 of at most {@link #MAX_BIG_INTEGER_DIGITS} digits. */
    static final int BIG_INTEGER = 2;
    static final int FLOAT = 3;

    static final int MAX_BIG_INTEGER_DIGITS = 38;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private TextValues() {
    }

    /**
     * A naive timestamp as microseconds since the epoch, as written (a 10-character ISO date is its
     * midnight); {@link #NOT_A_VALUE} when {@code s} is neither.
     */
    static long naiveMicros(String s) {
        if (s.length() == 10) {
            long day = isoDateToEpochDay(s);
            return day == NOT_A_VALUE ? day : day * MICROS_PER_DAY;
        }
        return parseTimestamp(s, false);
    }

    /**
     * The text without surrounding spaces, the same instance when it has none. Numbers, dates,
     * booleans and null tokens are recognised after this; text columns keep the exact text.
     */
    static String trim(String s) {
        int n = s.length();
        if (n == 0 || (s.charAt(0) != ' ' && s.charAt(n - 1) != ' ')) {
            return s;
        }
        int start = 0;
        int end = n;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * 1 for true, 0 for false (any letter case; also t and f, as PostgreSQL writes booleans), -1
     * when the text is not a boolean.
     */
    static int parseBoolean(String s) {
        if (s.length() == 1) {
            char c = Character.toLowerCase(s.charAt(0));
            return c == 't' ? 1 : c == 'f' ? 0 : -1;
        }
        if (s.length() == 4 && s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.length() == 5 && s.equalsIgnoreCase("false")) {
            return 0;
        }
        return -1;
    }

    /**
     * What kind of number the text is: {@link #INT64}, {@link #BIG_INTEGER}, {@link #FLOAT} (a
     * decimal with fraction or exponent, or inf/infinity/nan) or {@link #NOT_A_NUMBER}. Leading
     * zeros ("007", zip codes) are not numbers: such columns stay text, so no digits are lost.
     */
    static int numberKind(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        if (i == n) {
            return NOT_A_NUMBER;
        }
        char first = s.charAt(i);
        if (!isDigit(first) && first != '.') {
            return isSpecialFloat(s, i) ? FLOAT : NOT_A_NUMBER;
        }
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits > 1 && first == '0') {
            return NOT_A_NUMBER;
        }
        if (i == n) {
            return integerKind(s, intDigits);
        }
        int fractionDigits = 0;
        if (s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            fractionDigits = i - start;
        }
        if (intDigits + fractionDigits == 0) {
            return NOT_A_NUMBER;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return NOT_A_NUMBER;
            }
        }
        return i == n ? FLOAT : NOT_A_NUMBER;
    }

    private static int integerKind(String s, int digits) {
        if (digits < 19) {
            return INT64;
        }
        if (digits == 19) {
            // Compare with the int64 limits without parsing: same length, so text order is numeric order.
            boolean negative = s.charAt(0) == '-';
            String limit = negative ? "9223372036854775808" : "9223372036854775807";
            String digitsOnly = s.length() == 19 ? s : s.substring(1);
            return digitsOnly.compareTo(limit) <= 0 ? INT64 : BIG_INTEGER;
        }
        return digits <= MAX_BIG_INTEGER_DIGITS ? BIG_INTEGER : NOT_A_NUMBER;
    }

    private static boolean isSpecialFloat(String s, int from) {
        int length = s.length() - from;
        return (length == 3 && (s.regionMatches(true, from, "inf", 0, 3) || s.regionMatches(true, from, "nan", 0, 3)))
                || (length == 8 && s.regionMatches(true, from, "infinity", 0, 8));
    }

    /** The value of a text that {@link #numberKind} accepts, correctly rounded. */
    static double parseDouble(String s) {
        return DecimalToDouble.parse(s);
    }

    /** An optionally signed decimal integer from {@code from} to the end, or Integer.MIN_VALUE if it is not one or too long. */
    static int digitsWithSign(String s, int from) {
        int i = from;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == s.length() || s.length() - i > 6) {
            return Integer.MIN_VALUE;
        }
        int value = digits(s, i, s.length() - i);
        return value < 0 ? Integer.MIN_VALUE : negative ? -value : value;
    }

    /** Days since 1970-01-01 for a real yyyy-MM-dd calendar date, or {@link #NOT_A_VALUE}. */
    static long isoDateToEpochDay(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return NOT_A_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        return epochDay(year, month, day);
    }

    /** Days since 1970-01-01 for a real calendar date in years 0-9999, or {@link #NOT_A_VALUE}. */
    static long epochDay(int year, int month, int day) {
        if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_A_VALUE;
        }
        // Count from 1 March of year 0, so that the leap day is the last day of the counting year.
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11: return 30;
            default: return 31;
        }
    }

    /**
     * Parses yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]] with an optional Z or ±HH[:MM] offset into
     * microseconds since the epoch, in UTC when an offset is present. Returns {@link #NOT_A_VALUE}
     * when the text is not such a timestamp, or when {@code withOffset} disagrees with whether it
     * has one.
     */
    static long parseTimestamp(String s, boolean withOffset) {
        int n = s.length();
        if (n < 16) {
            return NOT_A_VALUE;
        }
        long day = isoDateToEpochDay(s);
        char sep = s.charAt(10);
        if (day == NOT_A_VALUE || (sep != 'T' && sep != ' ') || s.charAt(13) != ':') {
            return NOT_A_VALUE;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return NOT_A_VALUE;
        }
        int i = 16;
        int second = 0;
        long micros = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return NOT_A_VALUE;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                int start = i;
                while (i < n && isDigit(s.charAt(i))) {
                    if (i - start < 6) {
                        micros = micros * 10 + (s.charAt(i) - '0');
                    }
                    i++;
                }
                int fractionDigits = i - start;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return NOT_A_VALUE;
                }
                for (int k = fractionDigits; k < 6; k++) {
                    micros *= 10;
                }
            }
        }
        boolean hasOffset = i < n;
        if (hasOffset != withOffset) {
            return NOT_A_VALUE;
        }
        int offsetSeconds = 0;
        if (hasOffset) {
            offsetSeconds = parseOffset(s, i);
            if (offsetSeconds == NO_OFFSET) {
                return NOT_A_VALUE;
            }
        }
        long seconds = day * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * MICROS_PER_SECOND + micros;
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;

    /**
     * The zone suffix at {@code i}: Z, ±HH, ±HHMM or ±HH:MM, or the zone name UTC or GMT (a space
     * before it or before Z is allowed), as seconds east of UTC; NO_OFFSET if malformed.
     */
    private static int parseOffset(String s, int i) {
        int n = s.length();
        if (s.charAt(i) == ' ' && i + 1 < n) {
            i++;
        }
        char c = s.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            return 0;
        }
        if (n - i == 3 && (s.startsWith("UTC", i) || s.startsWith("GMT", i))) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return NO_OFFSET;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = 0;
        int rest = n - (i + 3);
        if (rest == 3 && s.charAt(i + 3) == ':') {
            minutes = digits(s, i + 4, 2);
        } else if (rest == 2) {
            minutes = digits(s, i + 3, 2);
        } else if (rest != 0) {
            return NO_OFFSET;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return NO_OFFSET;
        }
        int total = hours * 3600 + minutes * 60;
        return c == '-' ? -total : total;
    }

    /** The zone suffix of a timestamp text, normalised (e.g. "+02:00", "UTC"), or null if none. */
    static String offsetId(String s) {
        for (int i = 16; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'Z' || c == '+' || c == '-' || c == ' ') {
                int seconds = parseOffset(s, i);
                if (seconds == NO_OFFSET) {
                    return null;
                }
                return seconds == 0 ? "UTC" : ZoneOffset.ofTotalSeconds(seconds).getId();
            }
        }
        return null;
    }

    /**
     * Microseconds since midnight of a time of day: H:mm or HH:mm, then optionally :ss and a
     * fraction, then optionally AM or PM (with or without a space; the hour is then 1-12); or
     * {@link #NOT_A_VALUE}.
     */
    static long timeOfDayMicros(String s) {
        int n = s.length();
        int colon = n > 2 && s.charAt(1) == ':' ? 1 : n > 3 && s.charAt(2) == ':' ? 2 : -1;
        if (colon < 0) {
            return NOT_A_VALUE;
        }
        int hour = digits(s, 0, colon);
        int minute = digits(s, colon + 1, 2);
        int i = colon + 3;
        int second = 0;
        long micros = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i)) && i - start < 9) {
                    micros = i - start < 6 ? micros * 10 + (s.charAt(i) - '0') : micros;
                    i++;
                }
                if (i == start) {
                    return NOT_A_VALUE;
                }
                for (int k = Math.min(i - start, 6); k < 6; k++) {
                    micros *= 10;
                }
            }
        }
        if (i < n && s.charAt(i) == ' ') {
            i++;
        }
        if (i < n) {
            boolean am = s.regionMatches(true, i, "AM", 0, 2);
            if (n - i != 2 || !am && !s.regionMatches(true, i, "PM", 0, 2) || hour < 1 || hour > 12) {
                return NOT_A_VALUE;
            }
            hour = hour % 12 + (am ? 0 : 12);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_VALUE;
        }
        return (hour * 3600L + minute * 60L + second) * MICROS_PER_SECOND + micros;
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when they are not all digits. */
    static int digits(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
