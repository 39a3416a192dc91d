package dev.charton.pipeline.plan;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.UnknownColumnException;
import dev.charton.pipeline.AxisLimits;
import dev.charton.pipeline.ChartSpec;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChartPlannerTest {
    /** The tables of these tests have no text column that no reader looked at. */
    private static final TextSample.Values NO_VALUES = column -> List.of();
    /** date (temporal), temp (float), count (int), weather (text), region (dictionary), when (timestamp with zone). */
    private static final Schema WEATHER = new Schema(List.of(
            field("date", new ArrowType.Date(DateUnit.DAY)),
            field("temp", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("count", new ArrowType.Int(64, true)),
            field("weather", ArrowType.Utf8.INSTANCE),
            new Field("region", new FieldType(true, ArrowType.Utf8.INSTANCE,
                    new DictionaryEncoding(1, false, new ArrowType.Int(32, true))), null),
            field("when", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"))));

    @ParameterizedTest(name = "--x {0} --y {1}: {2}")
    @CsvSource({
            "date,    temp,         line",
            "when,    temp,         line",
            "temp,    count,        scatter",
            "weather, temp,         bar",
            "region,  temp;count,   bar",
            "weather, region,       heatmap",
            "temp,    '',           hist",
            "weather, '',           bar",
            "'',      temp,         line",
            "'',      temp;count,   line"})
    void theKindFollowsTheColumnTypes(String x, String y, String kind) {
        ChartPlan plan = plan(spec(null, x, y));
        assertEquals(kind, plan.kind().optionName());
    }

    @ParameterizedTest(name = "a {0} x with a numeric y is a line")
    @CsvSource({"SECOND, 32", "MILLISECOND, 32", "MICROSECOND, 64", "NANOSECOND, 64"})
    void aTimeOfDayIsATemporalAxis(TimeUnit unit, int bitWidth) {
        Schema times = new Schema(List.of(field("clock", new ArrowType.Time(unit, bitWidth)), WEATHER.findField("temp")));
        ChartPlan line = new ChartPlanner(spec(null, "clock", "temp")).plan(times, "t.csv", NO_VALUES);
        assertEquals(ChartKind.LINE, line.kind());
        ChartPlan chosen = new ChartPlanner(spec(null, "", "")).plan(times, "t.csv", NO_VALUES);
        assertEquals(ChartKind.LINE, chosen.kind());
        assertEquals("clock", chosen.x());
        ChartonException hist = assertThrows(ChartonException.class,
                () -> new ChartPlanner(spec("hist", "clock", "")).plan(times, "t.csv", NO_VALUES));
        assertEquals(ExitCode.USAGE, hist.exitCode());
        ChartSpec clockLimits = limits(spec(null, "clock", "temp"), "--xlim", "08:00,18:00");
        assertEquals(ChartKind.LINE, new ChartPlanner(clockLimits).plan(times, "t.csv", NO_VALUES).kind());
        ChartonException dates = assertThrows(ChartonException.class, () -> new ChartPlanner(
                limits(spec(null, "clock", "temp"), "--xlim", "2025-01-01,2025-01-02")).plan(times, "t.csv", NO_VALUES));
        assertEquals("--xlim gives dates, but the x axis is times of day (give --xlim 08:00,18:00)", dates.getMessage());
        assertUsage("--xlim gives times of day, but the x axis is dates or timestamps",
                limits(spec(null, "date", "temp"), "--xlim", "08:00,18:00"));
    }

    @Test
    void withoutColumnsATimeSeriesOrAHistogramIsChosen() {
        ChartPlan series = plan(spec(null, "", ""));
        assertEquals(ChartKind.LINE, series.kind());
        assertEquals("date", series.x());
        assertEquals(List.of("temp"), series.y());

        Schema numbers = new Schema(List.of(WEATHER.findField("weather"), WEATHER.findField("temp")));
        ChartPlan hist = new ChartPlanner(spec(null, "", "")).plan(numbers, "t.csv", NO_VALUES);
        assertEquals(ChartKind.HIST, hist.kind());
        assertNull(hist.x());
        assertEquals(List.of("temp"), hist.y());
    }

    @Test
    void anXAloneIsAHistogramOfItsValues() {
        ChartPlan plan = plan(spec("hist", "temp", ""));
        assertNull(plan.x());
        assertEquals(List.of("temp"), plan.y());
    }

    @Test
    void aKindWithoutYTakesTheFirstNumericColumnThatIsNotX() {
        ChartPlan plan = plan(spec("line", "date", ""));
        assertEquals(List.of("temp"), plan.y());
        ChartPlan counting = plan(spec("bar", "weather", ""));
        assertEquals(List.of(), counting.y());
        assertEquals(Aggregation.COUNT, counting.agg());
    }

    @Test
    void onlyTheNamedColumnsAreReadUnlessOneIsToBeChosen() {
        assertEquals(Optional.of(List.of("date", "temp", "weather")),
                new ChartPlanner(withColor(spec(null, "date", "temp"), "weather")).projection());
        assertEquals(Optional.of(List.of("weather")), new ChartPlanner(spec("bar", "weather", "")).projection());
        assertEquals(Optional.of(List.of("temp")), new ChartPlanner(spec(null, "temp", "")).projection());
        assertEquals(Optional.empty(), new ChartPlanner(spec("line", "date", "")).projection());
        assertEquals(Optional.empty(), new ChartPlanner(spec(null, "", "")).projection());
        assertEquals(Optional.of(List.of("date", "temp")), new ChartPlanner(spec(null, "date", "temp;temp")).projection(),
                "each column once");
    }

    @Test
    void aHeatmapCountsUnlessItHasAValue() {
        assertEquals(Aggregation.COUNT, plan(spec("heatmap", "weather", "region")).agg());
        assertEquals(Aggregation.MEAN, plan(withColor(spec("heatmap", "weather", "region"), "temp")).agg());
        assertUsage("a heatmap needs one --x and one --y column (and optionally a --color value)", spec("heatmap", "weather", ""));
    }

    @Test
    void refusalsUseTheGrammarsWords() {
        assertUsage("--kind: unknown kind 'pie' (expected one of line, scatter, bar, hist, area, box, heatmap)",
                spec("pie", "date", "temp"));
        assertUsage("--y 'weather' is categorical, but a line chart needs numbers there", spec("line", "date", "weather"));
        assertUsage("a hist chart needs numeric values, but 'weather' is categorical (try --kind bar, which counts rows per value)",
                spec("hist", "", "weather"));
        assertUsage("cannot choose a chart for a categorical --y against a temporal --x: give --kind", spec(null, "date", "weather"));
        assertUsage("--log-x needs a numeric x axis, but this one is temporal", logX(spec(null, "date", "temp")));
        ChartonException noNumbers = assertThrows(ChartonException.class,
                () -> new ChartPlanner(spec("box", "weather", "")).plan(new Schema(List.of(WEATHER.findField("weather"))), "t.csv", NO_VALUES));
        assertEquals("a box chart needs a numeric column: name one with --y", noNumbers.getMessage());
    }

    @Test
    void axisLimitsMustSuitTheAxis() {
        assertUsage("--xlim gives numbers, but the x axis is temporal", limits(spec(null, "date", "temp"), "--xlim", "1,2"));
        assertUsage("--xlim gives numbers, but the x axis is categorical", limits(spec(null, "weather", "temp"), "--xlim", "1,2"));
        assertUsage("--ylim gives times, but the y axis is numeric",
                limits(spec(null, "date", "temp"), "--ylim", "2025-01-01,2025-02-01"));
        assertEquals(ChartKind.LINE, plan(limits(spec(null, "date", "temp"), "--xlim", "2025-01-01,2025-02-01")).kind());
        assertEquals(ChartKind.HIST, plan(limits(spec(null, "temp", ""), "--xlim", "0,10")).kind());
    }

    @Test
    void anUnknownColumnNamesItsOptionAndTheClosestColumn() {
        ChartPlanner planner = new ChartPlanner(withColor(spec(null, "date", "temp"), "wether"));
        UnknownColumnException unknown = assertThrows(UnknownColumnException.class, () -> planner.plan(WEATHER, "w.csv", NO_VALUES));
        ChartonException named = planner.naming(unknown);
        assertEquals(ExitCode.DATA, named.exitCode());
        assertEquals("--color: w.csv: no column named 'wether'; did you mean 'weather'? (available: date, temp, count,"
                + " weather, region, when)", named.getMessage());
    }

    private static ChartPlan plan(ChartSpec spec) {
        return new ChartPlanner(spec).plan(WEATHER, "w.csv", NO_VALUES);
    }

    private static void assertUsage(String message, ChartSpec spec) {
        ChartonException e = assertThrows(ChartonException.class, () -> plan(spec));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(message, e.getMessage());
    }

    private static ChartSpec spec(String kind, String x, String y) {
        List<String> ys = y.isEmpty() ? List.of() : Arrays.asList(y.split(";"));
        return new ChartSpec(kind, x.isEmpty() ? null : x, ys, null, null, null, null, null, 800, 600, 100, null,
                false, false, null, null, null);
    }

    private static ChartSpec withColor(ChartSpec s, String color) {
        return new ChartSpec(s.kind(), s.x(), s.y(), color, s.facet(), null, null, null, 800, 600, 100, null,
                false, false, null, null, null);
    }

    private static ChartSpec logX(ChartSpec s) {
        return new ChartSpec(s.kind(), s.x(), s.y(), s.color(), s.facet(), null, null, null, 800, 600, 100, null,
                true, false, null, null, null);
    }

    private static ChartSpec limits(ChartSpec s, String option, String text) {
        AxisLimits limits = AxisLimits.parse(option, text);
        boolean x = option.equals("--xlim");
        return new ChartSpec(s.kind(), s.x(), s.y(), s.color(), s.facet(), null, null, null, 800, 600, 100, null,
                false, false, null, null, null, x ? limits : null, x ? null : limits);
    }

    private static Field field(String name, ArrowType type) {
        return Field.nullable(name, type);
    }
}
