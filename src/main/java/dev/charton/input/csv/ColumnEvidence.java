package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the first pass learns about one column from every one of its cells: the types that accept
 * all its values (shrinking as values disagree, which is how a column is promoted), where each
 * promotion happened, the offsets of its timestamps, the date layouts that fit, and its distinct
 * values while they are few.
 */
final class ColumnEvidence {
    private static final int STRING = CsvType.STRING.bit();
    private static final int NUMBERS = CsvType.INT64.bit() | CsvType.DECIMAL.bit() | CsvType.FLOAT64.bit();
    private static final int TIMES = CsvType.DATE.bit() | CsvType.TIMESTAMP.bit() | CsvType.TIMESTAMP_TZ.bit()
            | CsvType.TIME.bit();
    private static final int ANY_TIMESTAMP = CsvType.TIMESTAMP.bit() | CsvType.TIMESTAMP_TZ.bit();

    private final String name;
    private final CsvType forced;
    private final NullTokens nulls;
    private final List<DatePattern> patterns;
    private final List<DatePattern> timestampPatterns;
    private final List<NumberReading> readings;
    /** The number types each reading leaves, by reading. */
    private final int[] readingTypes;
    private int viableReadings;
    private final String sourceName;
    private final DistinctValues distinct = new DistinctValues();
    private final TextHint hint = new TextHint();
    private final List<String> promotions = new ArrayList<>();
    private int viable;
    private int viablePatterns;
    private boolean nonIsoDates;
    private int viableTimestampPatterns;
    private boolean nonIsoTimestamps;
    private boolean withoutOffset;
    private long values;
    private String zone;
    private boolean mixedZones;
    private String firstValue;
    private long firstLine;
    /**
     * What the last cell looked at was parsed as ({@link RowChunk#parsed}), as the column's type before
     * it reads it: a float64's bits, an int64 of digits alone, or a naive timestamp; else
     * {@link TextValues#NOT_A_VALUE}.
     */
    private long parsedValue;

    ColumnEvidence(String name, CsvType forced, NullTokens nulls, Layouts layouts, List<NumberReading> readings,
                   String sourceName) {
        this.name = name;
        this.forced = forced;
        this.nulls = nulls;
        this.patterns = layouts.dates();
        this.timestampPatterns = layouts.timestamps();
        this.readings = readings;
        this.readingTypes = new int[readings.size()];
        java.util.Arrays.fill(readingTypes, NUMBERS);
        this.viableReadings = (1 << readings.size()) - 1;
        this.sourceName = sourceName;
        boolean anyText = forced == CsvType.STRING || forced == CsvType.CATEGORY;
        this.viable = anyText ? STRING : CsvType.INFERABLE;
        this.viablePatterns = (1 << patterns.size()) - 1;
        this.viableTimestampPatterns = (1 << timestampPatterns.size()) - 1;
    }

    /**
     * Takes in cell {@code column} of row {@code row} of {@code chunk} (null when --ragged pad added
     * it), its dictionary code into {@code codes[row]} when codes are kept, and the value it was
     * parsed as into {@code parsed[row]} when those are kept ({@link RowChunk#parsed}).
     */
    void observe(RowChunk chunk, int row, int column, int[] codes, long[] parsed) {
        String raw = chunk.rows[row][column];
        if (codes != null) {
            codes[row] = -1;
        }
        if (parsed != null) {
            parsed[row] = TextValues.NOT_A_VALUE;
        }
        if (raw == null) {
            return;
        }
        String text = TextValues.trim(raw);
        if (nulls.isNull(text)) {
            return;
        }
        int code = distinct.add(raw);
        if (codes != null) {
            codes[row] = code;
        }
        if (nulls.isFloatNaN(text)) {
            narrow(CsvType.FLOAT64.bit() | STRING, text, chunk, row, CsvType.first(viableTypes()));
            return;
        }
        values++;
        hint.observe(text);
        if (values == 1) {
            firstValue = text;
            firstLine = chunk.startLine(row);
        }
        if (viable != STRING) {
            CsvType before = CsvType.first(viableTypes());
            parsedValue = TextValues.NOT_A_VALUE;
            narrow(typesOf(text, forced != null ? forced : before), text, chunk, row, before);
            if (parsed != null) {
                parsed[row] = parsedValue;
            }
        }
    }

    /** Whether the column can still be a number or a naive timestamp, so that its parsed values are worth keeping. */
    boolean keepsParsed() {
        return (viable & (NUMBERS | CsvType.TIMESTAMP.bit())) != 0;
    }

    /** Keeps the types that accept {@code text}; {@code before} is the type before it was looked at. */
    private void narrow(int accepted, String text, RowChunk chunk, int row, CsvType before) {
        if (forced != null && (accepted & forced.bit()) == 0 && forced != CsvType.CATEGORY) {
            throw new ChartonException(ExitCode.DATA, sourceName + ":" + chunk.startLine(row) + ": column '" + name
                    + "' is " + forced.displayName() + " by --type, but has '" + abbreviate(text) + "'");
        }
        viable &= accepted;
        CsvType after = CsvType.first(viableTypes());
        if (after == CsvType.STRING && before != CsvType.STRING) {
            hint.madeText(text);
        }
        if (values > 1 && before != after && promotions.size() < 8) {
            promotions.add(before.displayName() + " until line " + chunk.startLine(row)
                    + " ('" + abbreviate(text) + "')");
        }
    }

    /**
     * The types, among those still viable, that accept {@code s} (STRING always does); {@code storedAs}:
     * the column's type before {@code s}, as {@link #parsedValue} parses it.
     */
    private int typesOf(String s, CsvType storedAs) {
        if (s.isEmpty()) {
            return STRING;
        }
        if ((viable & CsvType.BOOLEAN.bit()) != 0 && TextValues.parseBoolean(s) >= 0) {
            return CsvType.BOOLEAN.bit() | STRING;
        }
        if ((viable & NUMBERS) != 0) {
            int numbers = numberTypesOf(s, storedAs);
            if (numbers != 0) {
                return numbers | STRING;
            }
        }
        return (viable & TIMES) != 0 ? timeTypesOf(s) | STRING : STRING;
    }

    /**
     * The number types {@code s} fits under the readings still viable (see {@link NumberReading});
     * the readings that cannot read it drop out, unless none can (then it is no number at all).
     */
    private int numberTypesOf(String s, CsvType storedAs) {
        boolean kept = true; // the first viable reading is the one the column keeps so far
        int fitting = 0;
        int types = 0;
        int asWritten = -1;
        int writtenKind = TextValues.NOT_A_NUMBER;
        for (int r = 0; r < readings.size(); r++) {
            if ((viableReadings & (1 << r)) == 0) {
                continue;
            }
            NumberReading reading = readings.get(r);
            // A number as written holds none of most readings' marks: no need to look for them in it.
            boolean unchanged = writtenKind != TextValues.NOT_A_NUMBER && reading.leavesAsWritten(writtenKind);
            String plain = unchanged ? s : reading.plain(s);
            int kinds;
            if (plain == s) {
                if (asWritten < 0) {
                    int kind = TextValues.numberKind(s);
                    writtenKind = kind;
                    asWritten = numberTypes(kind);
                    // Parsed as the column's consumer parses the text its kept reading leaves unchanged.
                    if (kept && storedAs == CsvType.FLOAT64 && kind != TextValues.NOT_A_NUMBER) {
                        parsedValue = Double.doubleToRawLongBits(TextValues.parseDouble(s));
                    } else if (kept && kind == TextValues.INT64) {
                        parsedValue = Long.parseLong(s);
                    }
                }
                kinds = asWritten;
            } else {
                kinds = plain == null ? 0 : numberTypes(TextValues.numberKind(plain));
            }
            kept = false;
            if (kinds != 0) {
                fitting |= 1 << r;
                readingTypes[r] &= kinds;
                types |= readingTypes[r];
            }
        }
        if (fitting != 0) {
            viableReadings = fitting;
        }
        return types;
    }

    private static int numberTypes(int kind) {
        switch (kind) {
            case TextValues.INT64: return NUMBERS;
            case TextValues.BIG_INTEGER: return CsvType.DECIMAL.bit() | CsvType.FLOAT64.bit();
            case TextValues.FLOAT: return CsvType.FLOAT64.bit();
            default: return 0;
        }
    }

    /** The reading kept: the first that reads every value. */
    private NumberReading reading() {
        return viableReadings == 0 ? NumberReading.PLAIN : readings.get(Integer.numberOfTrailingZeros(viableReadings));
    }

    /** The types still viable, numbers as the kept reading reads them. */
    private int viableTypes() {
        if (viableReadings == 0) {
            return viable;
        }
        int kept = viable & (readingTypes[Integer.numberOfTrailingZeros(viableReadings)] | ~NUMBERS);
        return kept != 0 ? kept : viable;
    }

    /** The time types that accept {@code s}; a naive timestamp (or ISO date) is kept in {@link #parsedValue}. */
    private int timeTypesOf(String s) {
        if (s.length() == 10) {
            long day = TextValues.isoDateToEpochDay(s);
            if (day != TextValues.NOT_A_VALUE) {
                parsedValue = day * TextValues.MICROS_PER_DAY;
                return CsvType.DATE.bit() | CsvType.TIMESTAMP.bit();
            }
        }
        if ((viable & ANY_TIMESTAMP) != 0) {
            long micros = TextValues.parseTimestamp(s, false);
            if (micros != TextValues.NOT_A_VALUE) {
                parsedValue = micros;
                withoutOffset = true;
                return ANY_TIMESTAMP; // in a column whose other values have offsets, read as UTC
            }
        }
        if ((viable & CsvType.TIMESTAMP_TZ.bit()) != 0 && TextValues.parseTimestamp(s, true) != TextValues.NOT_A_VALUE) {
            noteZone(TextValues.offsetId(s));
            return CsvType.TIMESTAMP_TZ.bit();
        }
        if ((viable & CsvType.TIME.bit()) != 0 && TextValues.timeOfDayMicros(s) != TextValues.NOT_A_VALUE) {
            return CsvType.TIME.bit();
        }
        int types = 0;
        if ((viable & CsvType.DATE.bit()) != 0 && viablePatterns != 0) {
            viablePatterns = fitting(patterns, viablePatterns, s, false);
            nonIsoDates = true;
            types |= viablePatterns != 0 ? CsvType.DATE.bit() : 0;
        }
        if ((viable & CsvType.TIMESTAMP.bit()) != 0 && viableTimestampPatterns != 0 && types == 0) {
            viableTimestampPatterns = fitting(timestampPatterns, viableTimestampPatterns, s, true);
            nonIsoTimestamps = true;
            types |= viableTimestampPatterns != 0 ? CsvType.TIMESTAMP.bit() : 0;
        }
        return types;
    }

    /** Those of the {@code viable} layouts (a bit set) that read {@code s}. */
    private static int fitting(List<DatePattern> layouts, int viable, String s, boolean timestamps) {
        int fitting = 0;
        for (int p = 0; p < layouts.size(); p++) {
            if ((viable & (1 << p)) != 0
                    && (timestamps ? layouts.get(p).micros(s) : layouts.get(p).epochDay(s)) != TextValues.NOT_A_VALUE) {
                fitting |= 1 << p;
            }
        }
        return fitting;
    }

    private void noteZone(String offset) {
        if (zone == null) {
            zone = offset;
        } else if (!zone.equals(offset)) {
            mixedZones = true;
        }
    }

    DistinctValues distinct() {
        return distinct;
    }

    /** The type the values so far call for (before the dictionary question). */
    private CsvType valueType() {
        return forced != null ? forced : values == 0 ? CsvType.FLOAT64 : CsvType.first(viableTypes());
    }

    private DatePattern datePattern(CsvType type) {
        if (type == CsvType.DATE && nonIsoDates && viablePatterns != 0) {
            return patterns.get(Integer.numberOfTrailingZeros(viablePatterns));
        }
        if (type == CsvType.TIMESTAMP && nonIsoTimestamps && viableTimestampPatterns != 0) {
            return timestampPatterns.get(Integer.numberOfTrailingZeros(viableTimestampPatterns));
        }
        return null;
    }

    /**
     * How to store the rows read so far: by their type, and text as dictionary indices while the
     * distinct values stay few (whether a dictionary pays off is decided only at the end).
     */
    Storage storage() {
        CsvType type = valueType();
        if (type == CsvType.STRING && forced == null || type == CsvType.CATEGORY) {
            type = distinct.overflowed() ? CsvType.STRING : CsvType.CATEGORY;
        }
        return new Storage(type, datePattern(type), numberReading(type));
    }

    private NumberReading numberReading(CsvType type) {
        return (NUMBERS & type.bit()) != 0 ? reading() : NumberReading.PLAIN;
    }

    /** The decision from everything observed, with the reason in words. */
    ColumnPlan decide(int source) {
        CsvType type = valueType();
        StringBuilder reason = new StringBuilder();
        if (forced != null) {
            reason.append("set by --type");
        } else if (values == 0) {
            reason.append("no values (every cell is empty or a null token), so float64 like an all-NaN column");
        } else {
            reason.append("all ").append(values).append(values == 1 ? " value fits " : " values fit ")
                    .append(type.displayName());
            if (type == CsvType.STRING && promotions.isEmpty()) {
                reason.append(" (the first, '").append(abbreviate(firstValue)).append("' on line ").append(firstLine)
                        .append(", is no number, date or boolean)");
            }
        }
        if (!promotions.isEmpty() && forced == null) {
            reason.append("; promoted: ").append(String.join(", ", promotions));
        }
        String zoneId = null;
        if (type == CsvType.TIMESTAMP_TZ) {
            boolean utc = zone == null || mixedZones || withoutOffset;
            zoneId = utc ? "UTC" : zone;
            reason.append(withoutOffset ? "; some values have no offset: those are taken as UTC, all stored as UTC"
                    : mixedZones ? "; offsets differ, so stored as UTC" : "; offset " + zoneId + " kept");
        }
        NumberReading reading = numberReading(type);
        if (!reading.isPlain()) {
            reason.append("; written with ").append(reading.describe());
            if (readings.size() > 1) {
                reason.append(" (every value reads so; --thousands, --decimal-comma set it)");
            }
        }
        DatePattern pattern = datePattern(type);
        if (pattern != null) {
            reason.append("; layout ").append(pattern.pattern());
            boolean date = type == CsvType.DATE;
            int viableLayouts = date ? viablePatterns : viableTimestampPatterns;
            int others = viableLayouts & (viableLayouts - 1);
            if (others != 0) {
                reason.append(" (").append((date ? patterns : timestampPatterns)
                                .get(Integer.numberOfTrailingZeros(others)).pattern())
                        .append(" fits too: use ").append(date ? "--date-format" : "--timestamp-format")
                        .append(" to choose)");
            }
        }
        if (type == CsvType.STRING && forced == null) {
            reason.append(hint.describe());
        }
        if (type == CsvType.STRING && forced == null && distinct.suitsDictionary(values)) {
            type = CsvType.CATEGORY;
        }
        if (type == CsvType.CATEGORY) {
            if (distinct.overflowed()) {
                type = CsvType.STRING;
                reason.append("; more than ").append(DistinctValues.MAX_VALUES)
                        .append(" distinct values (or too much text) for a dictionary");
            } else {
                reason.append("; ").append(distinct.count()).append(" distinct values, dictionary-encoded");
            }
        }
        boolean text = forced == null && (type == CsvType.STRING || type == CsvType.CATEGORY);
        ColumnDecision decision = new ColumnDecision(name, type, zoneId, pattern == null ? null : pattern.pattern(),
                reason.toString(), text ? hint.refusal() : null);
        return new ColumnPlan(source, decision, pattern, reading, distinct);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
