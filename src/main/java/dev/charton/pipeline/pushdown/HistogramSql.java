package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;
import dev.charton.pipeline.reduce.EngineGroups;
import dev.charton.pipeline.stats.HistogramBins;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A histogram in the engine: the finite values of each counted column in long form (series keys,
 * value, row number), binned on edges Java chose (HistogramBins) from the engine's count, least and
 * greatest value and, when numpy's "auto" needs them, quartiles. A value's bin is guessed from the
 * uniform width and settled against its bin's two edges (an equi-join on a table of the edges), as
 * {@link HistogramBins#binOf} settles it, so the engine counts exactly what Java would.
 */
final class HistogramSql {
    static final String VALUE = "charton_value";

    private final SqlColumns columns;
    private final List<String> chartColumns;
    private final List<String> counted;
    private final List<String> keys;

    /**
     * @param chartColumns the chart's columns (projected first)
     * @param counted      the columns whose values are counted
     * @param keys         the series and panel columns (color, facet)
     */
    HistogramSql(SqlColumns columns, List<String> chartColumns, List<String> counted, List<String> keys) {
        this.columns = columns;
        this.chartColumns = chartColumns;
        this.counted = counted;
        this.keys = keys;
    }

    /** Over all rows: the drawable counts, and per counted column its finite values' count, least and greatest. */
    String statistics(String drawableList) {
        List<String> parts = new ArrayList<>(List.of(drawableList));
        for (int i = 0; i < counted.size(); i++) {
            String finite = columns.isFinite(counted.get(i));
            String value = columns.real(counted.get(i));
            parts.add("count(CASE WHEN " + finite + " THEN 1 END) AS charton_finite_" + i);
            parts.add("min(CASE WHEN " + finite + " THEN " + value + " END) AS charton_low_" + i);
            parts.add("max(CASE WHEN " + finite + " THEN " + value + " END) AS charton_high_" + i);
        }
        return columns.with(chartColumns, false) + "\nSELECT " + String.join(", ", parts) + " FROM " + SqlColumns.ROWS;
    }

    /** The finite values of all counted columns together: count, least, greatest (from {@link #statistics}). */
    static double[] range(Map<String, Object> row, int counted) {
        long n = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < counted; i++) {
            long finite = EngineSession.number(row, "charton_finite_" + i);
            if (finite > 0) {
                n += finite;
                low = Math.min(low, EngineSession.real(row, "charton_low_" + i));
                high = Math.max(high, EngineSession.real(row, "charton_high_" + i));
            }
        }
        return new double[]{n, low, high};
    }

    /** The edges chosen and the engine's counts on them. */
    record Counted(HistogramBins bins, SpoolBatches rows) {
    }

    /**
     * The edges Java would choose for {@code n} finite values from {@code low} to {@code high}
     * ({@code given} bins, or numpy's "auto" capped at 100), with the counts on them; empty when
     * "auto" needs the quartiles and the engine computes no exact quantiles.
     */
    Optional<Counted> bins(EngineSession session, long n, double low, double high, Integer given) throws IOException {
        if (given != null) {
            HistogramBins bins = HistogramBins.equal(low, high, given);
            return Optional.of(new Counted(bins, session.fetch(counts(bins))));
        }
        // As HistogramBins.of: the 100 bins' counts usually settle "auto" without the quartiles.
        HistogramBins most = HistogramBins.equal(low, high, HistogramBins.MAX_AUTO_BINS);
        SpoolBatches rows = session.fetch(counts(most));
        if (most.settleAuto(totals(rows, most.count()), low, high)) {
            return Optional.of(new Counted(most, rows));
        }
        rows.close();
        if (!columns.dialect().exactQuantiles()) {
            return Optional.empty();
        }
        Map<String, Object> quartiles = session.row(quartiles());
        HistogramBins auto = HistogramBins.auto(n, low, high, EngineSession.real(quartiles, "charton_q1"),
                EngineSession.real(quartiles, "charton_q3"));
        return Optional.of(new Counted(auto, session.fetch(counts(auto))));
    }

    /**
     * The first and third quartile of all counted values, by the engine's exact quantile function or,
     * where it has none, picked by rank as BoxSql picks a box's (one sort of the values).
     */
    private String quartiles() {
        String values = columns.with(chartColumns, false) + ",\ncharton_values AS (" + longForm(false) + ")";
        Optional<String> q1 = columns.dialect().exactQuantile(VALUE, 0.25);
        Optional<String> q3 = columns.dialect().exactQuantile(VALUE, 0.75);
        if (q1.isPresent() && q3.isPresent()) {
            return values + "\nSELECT " + q1.get() + " AS charton_q1, " + q3.get() + " AS charton_q3 FROM charton_values";
        }
        return values + ",\ncharton_ranked AS (SELECT " + VALUE + ", ROW_NUMBER() OVER (ORDER BY " + VALUE
                + ") - 1 AS charton_rank, count(*) OVER () AS charton_n FROM charton_values)\nSELECT "
                + byRank(0.25) + " AS charton_q1, " + byRank(0.75) + " AS charton_q3 FROM charton_ranked";
    }

    /** The {@code fraction} quantile of the ranked values: numpy's lerp between the values at its two ranks. */
    private String byRank(double fraction) {
        SqlDialect dialect = columns.dialect();
        String at = "(" + dialect.asDouble("max(charton_n) - 1") + " * " + dialect.literal(fraction) + ")";
        String atRow = "(" + dialect.asDouble("charton_n - 1") + " * " + dialect.literal(fraction) + ")";
        String below = "max(CASE WHEN charton_rank = FLOOR(" + atRow + ") THEN " + VALUE + " END)";
        String above = "max(CASE WHEN charton_rank = LEAST(FLOOR(" + atRow + ") + 1, charton_n - 1) THEN " + VALUE + " END)";
        return BoxSql.lerp(dialect, below, above, "(" + at + " - FLOOR(" + at + "))");
    }

    /** The counts of all series per bin. */
    private static long[] totals(SpoolBatches rows, int bins) {
        long[] totals = new long[bins];
        rows.scan((batch, dictionaries) -> {
            for (int row = 0; row < batch.getRowCount(); row++) {
                int bin = ((Number) batch.getVector(EngineGroups.BIN).getObject(row)).intValue();
                totals[bin] += ((Number) batch.getVector(EngineGroups.COUNT).getObject(row)).longValue();
            }
        });
        return totals;
    }

    /**
     * The count of each series' values per bin ({@link EngineGroups#BIN}, {@link EngineGroups#COUNT}),
     * in order of each group's first row (SqlColumns.groupOrder).
     */
    String counts(HistogramBins bins) {
        double[] edges = bins.edges();
        int last = edges.length - 2;
        double scale = (edges.length - 1) / (edges[edges.length - 1] - edges[0]);
        List<String> slots = new ArrayList<>();
        for (int bin = 0; bin <= last; bin++) {
            slots.add("(" + bin + ", " + columns.dialect().literal(edges[bin]) + ", "
                    + columns.dialect().literal(edges[bin + 1]) + ")");
        }
        String guess = "CAST(FLOOR((" + VALUE + " - " + columns.dialect().literal(edges[0]) + ") * "
                + columns.dialect().literal(scale) + ") AS INTEGER)";
        String seriesKeys = seriesKeys();
        List<String> keyNames = keys.stream().map(columns::quote).toList();
        return columns.with(chartColumns, true) + ",\n"
                + "charton_values AS (" + longForm(true) + "),\n"
                + "charton_guesses AS (SELECT charton_values.*, " + M4Sql.clamped(guess, last)
                + " AS charton_slot FROM charton_values),\n"
                + "charton_edges (charton_slot, charton_lo, charton_hi) AS (VALUES " + String.join(", ", slots) + "),\n"
                + "charton_binned AS (SELECT " + seriesKeys + ", " + SqlColumns.ROW_NUMBER + ", CASE WHEN " + VALUE
                + " < charton_lo THEN charton_guesses.charton_slot - 1 WHEN " + VALUE + " >= charton_hi AND"
                + " charton_guesses.charton_slot < " + last + " THEN charton_guesses.charton_slot + 1"
                + " ELSE charton_guesses.charton_slot END AS " + EngineGroups.BIN
                + " FROM charton_guesses JOIN charton_edges ON charton_edges.charton_slot = charton_guesses.charton_slot)\n"
                + "SELECT " + seriesKeys + ", " + EngineGroups.BIN + ", count(*) AS " + EngineGroups.COUNT + ", min("
                + SqlColumns.ROW_NUMBER + ") AS " + SqlColumns.FIRST + " FROM charton_binned GROUP BY " + seriesKeys + ", "
                + EngineGroups.BIN + " ORDER BY " + columns.groupOrder(keyNames, EngineGroups.COLUMN, EngineGroups.BIN);
    }

    private String seriesKeys() {
        List<String> names = new ArrayList<>(List.of(EngineGroups.COLUMN));
        keys.forEach(key -> names.add(columns.quote(key)));
        return String.join(", ", names);
    }

    /** One row per finite value of a counted column: its column's index, the series keys, the value. */
    String longForm(boolean numbered) {
        String keyList = keys.stream().map(columns::quote).map(k -> ", " + k).collect(Collectors.joining());
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            selects.add("SELECT " + i + " AS " + EngineGroups.COLUMN + keyList + (numbered ? ", " + SqlColumns.ROW_NUMBER : "")
                    + ", " + columns.real(counted.get(i)) + " AS " + VALUE + " FROM " + SqlColumns.ROWS + " WHERE "
                    + columns.isFinite(counted.get(i)));
        }
        return String.join("\nUNION ALL\n", selects);
    }
}
