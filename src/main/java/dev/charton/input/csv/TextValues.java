package dev.charton.input.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Hand-written recognisers and parsers for CSV cell text. They avoid regular expressions and
 * exceptions on the hot path: inference calls them for every cell of the sample.
 */
final class TextValues {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private TextValues() {
    }

    /** true/false in any case, or null when the text is not a boolean. */
    static Boolean parseBoolean(String s) {
        if (s.length() == 4 && s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.length() == 5 && s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * An integer in canonical form that fits in 64 bits. Leading zeros ("007", zip codes) are not
     * canonical: such columns stay text, so no digits are lost.
     */
    static boolean isInt64(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && s.charAt(0) == '-') {
            i = 1;
        }
        if (i == n || n - i > 19) {
            return false;
        }
        if (s.charAt(i) == '0' && n - i > 1) {
            return false;
        }
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n - i == 19) {
            try {
                Long.parseLong(s);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** A decimal number with optional sign, fraction and exponent, or inf/infinity/nan. */
    static boolean isFloat(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        if (i == n) {
            return false;
        }
        String rest = s.substring(i);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity") || rest.equalsIgnoreCase("nan")) {
            return true;
        }
        if (i + 1 < n && s.charAt(i) == '0' && isDigit(s.charAt(i + 1))) {
            return false; // leading zeros: an identifier such as a zip code, kept as text
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    static double parseFloat(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "inf": case "infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            case "nan": case "-nan": return Double.NaN;
            default: return Double.parseDouble(t);
        }
    }

    /** yyyy-MM-dd with a real calendar date. */
    static boolean isIsoDate(String s) {
        return s.length() == 10 && isoDateToEpochDay(s) != Long.MIN_VALUE;
    }

    /** Days since 1970-01-01 for yyyy-MM-dd, or Long.MIN_VALUE when the text is not such a date. */
    static long isoDateToEpochDay(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * Parses yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]] with an optional Z or ±HH[:MM] offset into
     * microseconds since the epoch, in UTC when an offset is present. Returns null when the text is
     * not such a timestamp, or when {@code withOffset} disagrees with whether it has one.
     */
    static Long parseTimestamp(String s, boolean withOffset) {
        int n = s.length();
        if (n < 16) {
            return null;
        }
        long day = isoDateToEpochDay(s);
        char sep = s.charAt(10);
        if (day == Long.MIN_VALUE || (sep != 'T' && sep != ' ') || s.charAt(13) != ':') {
            return null;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        long micros = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return null;
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
                    return null;
                }
                for (int k = fractionDigits; k < 6; k++) {
                    micros *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        boolean hasOffset = i < n;
        if (hasOffset) {
            Integer offset = parseOffset(s, i);
            if (offset == null) {
                return null;
            }
            offsetSeconds = offset;
        }
        if (hasOffset != withOffset) {
            return null;
        }
        long seconds = day * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * MICROS_PER_SECOND + micros;
    }

    /** The zone suffix at {@code i}: Z, ±HH, ±HHMM or ±HH:MM, as seconds east of UTC; null if malformed. */
    static Integer parseOffset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = 0;
        int rest = n - (i + 3);
        if (rest == 3 && s.charAt(i + 3) == ':') {
            minutes = digits(s, i + 4, 2);
        } else if (rest == 2) {
            minutes = digits(s, i + 3, 2);
        } else if (rest != 0) {
            return null;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return null;
        }
        int total = hours * 3600 + minutes * 60;
        return c == '-' ? -total : total;
    }

    /** The zone suffix of a timestamp text, normalised (e.g. "+02:00", "UTC"), or null if none. */
    static String offsetId(String s) {
        for (int i = 16; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'Z' || c == '+' || c == '-') {
                Integer seconds = parseOffset(s, i);
                if (seconds == null) {
                    return null;
                }
                return seconds == 0 ? "UTC" : ZoneOffset.ofTotalSeconds(seconds).getId();
            }
        }
        return null;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
