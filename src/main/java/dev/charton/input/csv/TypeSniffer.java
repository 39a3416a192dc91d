package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Infers column types from a sample of rows. For each column it keeps the set of types that accept
 * every non-null value seen and picks the most specific one left.
 */
final class TypeSniffer {
    private final List<String> names;
    private final NullTokens nulls;
    private final Map<String, CsvType> overrides;
    private final List<EnumSet<CsvType>> viable = new ArrayList<>();
    private final long[] nonNullCounts;
    private final String[] zones;
    private final boolean[] mixedZones;
    private long rows;

    TypeSniffer(List<String> names, NullTokens nulls, Map<String, CsvType> overrides) {
        this.names = names;
        this.nulls = nulls;
        this.overrides = overrides;
        for (int i = 0; i < names.size(); i++) {
            viable.add(EnumSet.allOf(CsvType.class));
        }
        nonNullCounts = new long[names.size()];
        zones = new String[names.size()];
        mixedZones = new boolean[names.size()];
    }

    void observe(String[] row) {
        rows++;
        for (int c = 0; c < row.length; c++) {
            String text = row[c];
            if (nulls.isNull(text)) {
                continue;
            }
            EnumSet<CsvType> types = viable.get(c);
            if (nulls.isFloatNaN(text)) {
                types.retainAll(EnumSet.of(CsvType.FLOAT64, CsvType.STRING));
                continue;
            }
            nonNullCounts[c]++;
            if (types.size() > 1) {
                types.removeIf(t -> t != CsvType.STRING && !t.accepts(text));
            }
            if (types.contains(CsvType.TIMESTAMP_TZ)) {
                noteZone(c, text);
            }
        }
    }

    private void noteZone(int column, String text) {
        String zone = TextValues.offsetId(text);
        if (zones[column] == null) {
            zones[column] = zone;
        } else if (!zones[column].equals(zone)) {
            mixedZones[column] = true;
        }
    }

    List<ColumnDecision> decide() {
        List<ColumnDecision> decisions = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            CsvType forced = overrides.get(name);
            if (forced != null) {
                decisions.add(new ColumnDecision(name, forced, forced == CsvType.TIMESTAMP_TZ ? "UTC" : null,
                        "set by --type"));
                continue;
            }
            decisions.add(decideOne(c, name));
        }
        return decisions;
    }

    private ColumnDecision decideOne(int c, String name) {
        EnumSet<CsvType> types = viable.get(c);
        if (nonNullCounts[c] == 0) {
            CsvType type = types.contains(CsvType.FLOAT64) && types.size() == 2 ? CsvType.FLOAT64 : CsvType.STRING;
            return new ColumnDecision(name, type, null, "no non-null values in the first " + rows + " rows");
        }
        CsvType type = types.iterator().next();
        String zone = null;
        String reason = "all " + nonNullCounts[c] + " non-null values in the first " + rows + " rows are "
                + type.displayName();
        if (type == CsvType.TIMESTAMP_TZ) {
            zone = mixedZones[c] ? "UTC" : zones[c];
            reason += mixedZones[c] ? " with mixed offsets, kept as UTC" : " with offset " + zone;
        } else if (type == CsvType.STRING) {
            reason = "values in the first " + rows + " rows are not all of one narrower type";
        }
        return new ColumnDecision(name, type, zone, reason);
    }
}
