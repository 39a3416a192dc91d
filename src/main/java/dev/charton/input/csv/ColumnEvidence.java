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
    private static final int TIMES = CsvType.DATE.bit() | CsvType.TIMESTAMP.bit() | CsvType.TIMESTAMP_TZ.bit();

    private final String name;
    private final CsvType forced;
    private final NullTokens nulls;
    private final List<DatePattern> patterns;
    private final String sourceName;
    private final DistinctValues distinct = new DistinctValues();
    private final List<String> promotions = new ArrayList<>();
    private int viable;
    private int viablePatterns;
    private boolean nonIsoDates;
    private long values;
    private String zone;
    private boolean mixedZones;
    private String firstValue;
    private long firstLine;

    ColumnEvidence(String name, CsvType forced, NullTokens nulls, List<DatePattern> patterns, String sourceName) {
        this.name = name;
        this.forced = forced;
        this.nulls = nulls;
        this.patterns = patterns;
        this.sourceName = sourceName;
        boolean anyText = forced == CsvType.STRING || forced == CsvType.CATEGORY;
        this.viable = anyText ? STRING : CsvType.INFERABLE;
        this.viablePatterns = (1 << patterns.size()) - 1;
    }

    /**
     * Takes in cell {@code column} of row {@code row} of {@code chunk} (null when --ragged pad added
     * it), and its dictionary code into {@code codes[row]} when codes are kept.
     */
    void observe(RowChunk chunk, int row, int column, int[] codes) {
        String raw = chunk.rows[row][column];
        if (codes != null) {
            codes[row] = -1;
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
            narrow(CsvType.FLOAT64.bit() | STRING, text, chunk, row);
            return;
        }
        values++;
        if (values == 1) {
            firstValue = text;
            firstLine = chunk.startLine(row);
        }
        if (viable != STRING) {
            narrow(typesOf(text), text, chunk, row);
        }
    }

    private void narrow(int accepted, String text, RowChunk chunk, int row) {
        if (forced != null && (accepted & forced.bit()) == 0 && forced != CsvType.CATEGORY) {
            throw new ChartonException(ExitCode.DATA, sourceName + ":" + chunk.startLine(row) + ": column '" + name
                    + "' is " + forced.displayName() + " by --type, but has '" + abbreviate(text) + "'");
        }
        int before = viable;
        viable &= accepted;
        if (viable != before && values > 1 && CsvType.first(before) != CsvType.first(viable) && promotions.size() < 8) {
            promotions.add(CsvType.first(before).displayName() + " until line " + chunk.startLine(row)
                    + " ('" + abbreviate(text) + "')");
        }
    }

    /** The types, among those still viable, that accept {@code s} (STRING always does). */
    private int typesOf(String s) {
        if (s.isEmpty()) {
            return STRING;
        }
        if ((viable & CsvType.BOOLEAN.bit()) != 0 && TextValues.parseBoolean(s) >= 0) {
            return CsvType.BOOLEAN.bit() | STRING;
        }
        if ((viable & NUMBERS) != 0) {
            switch (TextValues.numberKind(s)) {
                case TextValues.INT64: return NUMBERS | STRING;
                case TextValues.BIG_INTEGER: return CsvType.DECIMAL.bit() | CsvType.FLOAT64.bit() | STRING;
                case TextValues.FLOAT: return CsvType.FLOAT64.bit() | STRING;
                default: break;
            }
        }
        return (viable & TIMES) != 0 ? timeTypesOf(s) | STRING : STRING;
    }

    private int timeTypesOf(String s) {
        if (s.length() == 10 && TextValues.isoDateToEpochDay(s) != TextValues.NOT_A_VALUE) {
            return CsvType.DATE.bit() | CsvType.TIMESTAMP.bit();
        }
        if ((viable & CsvType.TIMESTAMP.bit()) != 0 && TextValues.parseTimestamp(s, false) != TextValues.NOT_A_VALUE) {
            return CsvType.TIMESTAMP.bit();
        }
        if ((viable & CsvType.TIMESTAMP_TZ.bit()) != 0 && TextValues.parseTimestamp(s, true) != TextValues.NOT_A_VALUE) {
            noteZone(TextValues.offsetId(s));
            return CsvType.TIMESTAMP_TZ.bit();
        }
        if ((viable & CsvType.DATE.bit()) != 0 && viablePatterns != 0) {
            int fitting = 0;
            for (int p = 0; p < patterns.size(); p++) {
                if ((viablePatterns & (1 << p)) != 0 && patterns.get(p).epochDay(s) != TextValues.NOT_A_VALUE) {
                    fitting |= 1 << p;
                }
            }
            viablePatterns = fitting;
            nonIsoDates = true;
            return fitting != 0 ? CsvType.DATE.bit() : 0;
        }
        return 0;
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
        return forced != null ? forced : values == 0 ? CsvType.FLOAT64 : CsvType.first(viable);
    }

    private DatePattern datePattern(CsvType type) {
        return type == CsvType.DATE && nonIsoDates && viablePatterns != 0
                ? patterns.get(Integer.numberOfTrailingZeros(viablePatterns)) : null;
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
        return new Storage(type, datePattern(type));
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
            zoneId = zone == null || mixedZones ? "UTC" : zone;
            reason.append(mixedZones ? "; offsets differ, so stored as UTC" : "; offset " + zoneId + " kept");
        }
        DatePattern pattern = datePattern(type);
        if (pattern != null) {
            reason.append("; layout ").append(pattern.pattern());
            int others = viablePatterns & (viablePatterns - 1);
            if (others != 0) {
                reason.append(" (").append(patterns.get(Integer.numberOfTrailingZeros(others)).pattern())
                        .append(" fits too: use --date-format to choose)");
            }
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
        ColumnDecision decision = new ColumnDecision(name, type, zoneId, pattern == null ? null : pattern.pattern(),
                reason.toString());
        return new ColumnPlan(source, decision, pattern, distinct);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
