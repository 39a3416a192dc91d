package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A date or timestamp layout in java.time letters, such as {@code MMM d yyyy} ("Jan 1 2000") or
 * {@code M/d/yyyy h:mm a} ("3/14/2024 9:26 PM"), matched by hand: the first pass tries the
 * candidate layouts on every cell of a date-like column, and a DateTimeFormatter would throw an
 * exception for every miss. Letters: {@code yyyy} year, {@code yy} two-digit year (69-99 are
 * 19xx, the rest 20xx, as POSIX reads them), {@code M}/{@code MM} month number, {@code MMM}
 * English month abbreviation, {@code MMMM} full month name, {@code d}/{@code dd} day (a layout
 * without a day, such as {@code yyyy-MM}, means the first of the month), {@code H}/{@code HH} hour
 * 0-23, {@code h}/{@code hh} hour 1-12 with {@code a} (AM or PM), {@code mm} minutes, {@code ss}
 * seconds, {@code S...} a fraction of a second (any number of digits); other characters, or text
 * in single quotes, match literally.
 */
final class DatePattern {
    /** Date layouts tried when the user gives no {@code --date-format}, in order of preference. */
    static final List<String> COMMON = List.of("MMM d yyyy", "MMM d, yyyy", "d MMM yyyy", "MMMM d yyyy",
            "MMMM d, yyyy", "d MMMM yyyy", "yyyy/M/d", "M/d/yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-M-d", "d-M-yyyy",
            "M-d-yyyy", "M/d/yy", "d/M/yy", "d.M.yy", "yyyy-MM", "yyyy/MM");

    /** Timestamp layouts (other than ISO 8601, which is always read) tried when none is given. */
    static final List<String> COMMON_TIMESTAMPS = List.of("yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss",
            "yyyy-M-d H:mm", "M/d/yyyy h:mm:ss a", "M/d/yyyy h:mm a", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
            "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "M/d/yy H:mm", "M/d/yy h:mm a",
            "d-M-yyyy H:mm:ss", "M-d-yyyy H:mm:ss", "M-d-yyyy h:mm:ss a", "M-d-yyyy h:mm a", "yyyyMMdd'T'HHmmss");

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private enum Kind { YEAR, YEAR_2, MONTH, MONTH_2, MONTH_SHORT, MONTH_NAME, DAY, DAY_2, HOUR, HOUR_2, HOUR_12,
        HOUR_12_2, MINUTE, SECOND, FRACTION, AM_PM, LITERAL }

    private static final Set<Kind> TIME_KINDS = EnumSet.of(Kind.HOUR, Kind.HOUR_2, Kind.HOUR_12, Kind.HOUR_12_2,
            Kind.MINUTE, Kind.SECOND, Kind.FRACTION, Kind.AM_PM);

    private record Token(Kind kind, String literal) {
    }

    private final String pattern;
    private final List<Token> tokens;
    private final boolean hasTime;

    private DatePattern(String pattern, List<Token> tokens) {
        this.pattern = pattern;
        this.tokens = tokens;
        this.hasTime = tokens.stream().anyMatch(t -> TIME_KINDS.contains(t.kind));
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
        check(pattern, tokens);
        return new DatePattern(pattern, List.copyOf(tokens));
    }

    private static void check(String pattern, List<Token> tokens) {
        Set<Character> seen = new java.util.HashSet<>();
        boolean twelveHour = false;
        boolean amPm = false;
        for (Token t : tokens) {
            if (t.kind == Kind.LITERAL) {
                continue;
            }
            char field = fieldOf(t.kind);
            if (!seen.add(field)) {
                throw new IllegalArgumentException("format '" + pattern + "' has more than one " + fieldName(field));
            }
            twelveHour |= t.kind == Kind.HOUR_12 || t.kind == Kind.HOUR_12_2;
            amPm |= t.kind == Kind.AM_PM;
        }
        if (!seen.contains('y') || !seen.contains('M')) {
            throw new IllegalArgumentException("format '" + pattern
                    + "' needs a year (yyyy or yy) and a month (M, MM, MMM or MMMM)");
        }
        if (twelveHour != amPm) {
            throw new IllegalArgumentException("format '" + pattern + "': h (hour 1-12) and a (AM/PM) go together");
        }
        if ((seen.contains('m') || seen.contains('s')) && !seen.contains('H')) {
            throw new IllegalArgumentException("format '" + pattern + "' has minutes or seconds but no hour (H or h)");
        }
    }

    /** The field a kind sets: y, M, d, H (either hour), m, s, S or a. */
    private static char fieldOf(Kind kind) {
        switch (kind) {
            case YEAR: case YEAR_2: return 'y';
            case MONTH: case MONTH_2: case MONTH_SHORT: case MONTH_NAME: return 'M';
            case DAY: case DAY_2: return 'd';
            case HOUR: case HOUR_2: case HOUR_12: case HOUR_12_2: return 'H';
            case MINUTE: return 'm';
            case SECOND: return 's';
            case FRACTION: return 'S';
            default: return 'a';
        }
    }

    private static String fieldName(char field) {
        switch (field) {
            case 'y': return "year";
            case 'M': return "month";
            case 'd': return "day";
            case 'H': return "hour";
            case 'm': return "minute";
            case 's': return "second";
            case 'S': return "fraction";
            default: return "AM/PM";
        }
    }

    private static Token token(String pattern, char letter, int count, String text) {
        Kind kind = null;
        switch (letter) {
            case 'y': kind = count == 4 ? Kind.YEAR : count == 2 ? Kind.YEAR_2 : null; break;
            case 'M': kind = count <= 4 ? new Kind[] {Kind.MONTH, Kind.MONTH_2, Kind.MONTH_SHORT, Kind.MONTH_NAME}[count - 1]
                    : null; break;
            case 'd': kind = count == 1 ? Kind.DAY : count == 2 ? Kind.DAY_2 : null; break;
            case 'H': kind = count == 1 ? Kind.HOUR : count == 2 ? Kind.HOUR_2 : null; break;
            case 'h': kind = count == 1 ? Kind.HOUR_12 : count == 2 ? Kind.HOUR_12_2 : null; break;
            case 'm': kind = count == 2 ? Kind.MINUTE : null; break;
            case 's': kind = count == 2 ? Kind.SECOND : null; break;
            case 'S': kind = Kind.FRACTION; break;
            case 'a': kind = count == 1 ? Kind.AM_PM : null; break;
            default:
                if (!Character.isLetter(letter)) {
                    return new Token(Kind.LITERAL, text);
                }
        }
        if (kind == null) {
            throw new IllegalArgumentException("'" + text + "' in format '" + pattern + "' is not supported (use yyyy,"
                    + " yy, M, MM, MMM, MMMM, d, dd, H, HH, h, hh, mm, ss, S..., a; quote literal letters)");
        }
        return new Token(kind, null);
    }

    String pattern() {
        return pattern;
    }

    /** Whether the layout has a time of day (so it reads timestamps, not dates). */
    boolean hasTime() {
        return hasTime;
    }

    /** Days since 1970-01-01, or {@link TextValues#NOT_A_VALUE} when the text does not match (or has a time). */
    long epochDay(String s) {
        long micros = hasTime ? TextValues.NOT_A_VALUE : micros(s);
        return micros == TextValues.NOT_A_VALUE ? micros : Math.floorDiv(micros, 86_400L * MICROS_PER_SECOND);
    }

    /** Microseconds since the epoch of the naive date and time, or {@link TextValues#NOT_A_VALUE}. */
    long micros(String s) {
        int[] f = {0, 0, 1, 0, 0, 0}; // year, month, day, hour, minute, second
        long fraction = 0;
        int pm = -1;
        int pos = 0;
        for (Token t : tokens) {
            if (t.kind == Kind.LITERAL) {
                if (!s.startsWith(t.literal, pos)) {
                    return TextValues.NOT_A_VALUE;
                }
                pos += t.literal.length();
                continue;
            }
            if (t.kind == Kind.MONTH_SHORT || t.kind == Kind.MONTH_NAME) {
                int month = monthName(s, pos, t.kind == Kind.MONTH_SHORT);
                if (month < 0) {
                    return TextValues.NOT_A_VALUE;
                }
                f[1] = month;
                pos += t.kind == Kind.MONTH_SHORT ? 3 : MONTHS[month - 1].length();
                continue;
            }
            if (t.kind == Kind.AM_PM) {
                pm = s.regionMatches(true, pos, "AM", 0, 2) ? 0 : s.regionMatches(true, pos, "PM", 0, 2) ? 1 : -2;
                if (pm < 0) {
                    return TextValues.NOT_A_VALUE;
                }
                pos += 2;
                continue;
            }
            int width = numberWidth(t.kind, s, pos);
            int value = TextValues.digits(s, pos, width);
            if (value < 0 || width == 0) {
                return TextValues.NOT_A_VALUE;
            }
            pos += width;
            if (t.kind == Kind.FRACTION) {
                fraction = fractionMicros(s, pos - width, width);
                continue;
            }
            int field = "yMdHms".indexOf(fieldOf(t.kind));
            f[field] = t.kind == Kind.YEAR_2 ? (value >= 69 ? 1900 + value : 2000 + value) : value;
        }
        if (pos != s.length()) {
            return TextValues.NOT_A_VALUE;
        }
        if (pm >= 0) {
            if (f[3] < 1 || f[3] > 12) {
                return TextValues.NOT_A_VALUE;
            }
            f[3] = f[3] % 12 + 12 * pm;
        }
        long day = TextValues.epochDay(f[0], f[1], f[2]);
        if (day == TextValues.NOT_A_VALUE || f[3] > 23 || f[4] > 59 || f[5] > 59) {
            return TextValues.NOT_A_VALUE;
        }
        long seconds = day * 86_400L + f[3] * 3600L + f[4] * 60L + f[5];
        return seconds * MICROS_PER_SECOND + fraction;
    }

    private static long fractionMicros(String s, int from, int digits) {
        long micros = 0;
        for (int k = 0; k < 6; k++) {
            micros = micros * 10 + (k < digits ? s.charAt(from + k) - '0' : 0);
        }
        return micros;
    }

    /** How many digits a numeric field takes: fixed, or one or two for the one-letter fields, any for S. */
    private static int numberWidth(Kind kind, String s, int pos) {
        switch (kind) {
            case YEAR: return 4;
            case YEAR_2: case MONTH_2: case DAY_2: case HOUR_2: case HOUR_12_2: case MINUTE: case SECOND: return 2;
            case FRACTION:
                int end = pos;
                while (end < s.length() && end - pos < 9 && TextValues.isDigit(s.charAt(end))) {
                    end++;
                }
                return end - pos;
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
