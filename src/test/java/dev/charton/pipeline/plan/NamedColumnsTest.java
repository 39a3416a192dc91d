package dev.charton.pipeline.plan;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TextColumns;
import dev.charton.pipeline.ChartSpec;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The planner's refusals of columns that cannot be drawn as named, and struct fields named by path. */
class NamedColumnsTest {
    private static final ArrowType FLOAT = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final String READS_AS = "19 of 20 values look like numbers ('1') (not 'oops'; --null-value 'oops'"
            + " reads such cells as nulls, in place of the default tokens)";
    /** id (int), s (struct of a float a and a struct t of a text b), tags (list of text), m (map), amount (text read as numbers). */
    private static final Schema NESTED = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                    Field.nullable("a", FLOAT),
                    new Field("t", FieldType.nullable(ArrowType.Struct.INSTANCE),
                            List.of(Field.nullable("b", ArrowType.Utf8.INSTANCE))))),
            new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE),
                    List.of(Field.nullable("item", ArrowType.Utf8.INSTANCE))),
            new Field("m", FieldType.notNullable(new ArrowType.Map(false)), List.of(
                    new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                            Field.notNullable("key", ArrowType.Utf8.INSTANCE), Field.nullable("value", FLOAT))))),
            new Field("amount", new FieldType(true, ArrowType.Utf8.INSTANCE, null, TextColumns.metadata(READS_AS)), null)));

    @Test
    void structFieldsAreColumnsNamedByTheirPath() {
        ChartPlan plan = plan(spec(null, "id", "s.a", "s.t.b"));
        assertEquals(ChartKind.SCATTER, plan.kind());
        assertEquals(List.of("id", "s.a", "s.t.b"), plan.columns());
    }

    @Test
    void aNestedColumnIsRefusedWithItsNameAndType() {
        assertData("--color: n.parquet: column 'tags' is list<utf8>, which has no single value per row to draw",
                spec(null, "id", "s.a", "tags"));
        assertData("--y: n.parquet: column 's' is struct<a: float64, t: struct<b: utf8>>, which has no single value"
                + " per row to draw; name one of its fields as 's.a'", spec(null, "id", "s", null));
        assertData("--x: n.parquet: column 'm' is map<utf8, float64>, which has no single value per row to draw",
                spec("bar", "m", "", null));
    }

    @Test
    void aTextColumnWhoseValuesReadAsNumbersIsRefusedUnlessTheKindDrawsText() {
        assertData("--x: n.parquet: column 'amount' was read as text, but " + READS_AS
                + "; to draw it as text, name the kind with --kind", spec(null, "amount", "", null));
        assertData("--y: n.parquet: column 'amount' was read as text, but " + READS_AS, spec("line", "id", "amount", null));
        assertData("--color: n.parquet: column 'amount' was read as text, but " + READS_AS
                + "; to draw it as text, name the kind with --kind", spec(null, "id", "s.a", "amount"));
        assertEquals(ChartKind.BAR, plan(spec("bar", "amount", "", null)).kind());
        assertEquals(List.of("id", "s.a", "amount"), plan(spec("scatter", "id", "s.a", "amount")).columns());
    }

    @Test
    void aTextColumnNoReaderLookedAtIsRefusedOnItsFirstValues() {
        List<String> amounts = List.of("1,234", "12,500", "987", "4.5", "-3", "1e3", "7", "8", "9", "n/a");
        ChartonException e = assertThrows(ChartonException.class, () -> new ChartPlanner(spec(null, "id", "s.t.b", null))
                .plan(NESTED, "n.parquet", column -> column.equals("s.t.b") ? amounts : List.of()));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("--y: n.parquet: column 's.t.b' was read as text, but 9 of 10 values look like numbers ('1,234');"
                + " read them as numbers with --type s.t.b=float64, or store the column as numbers; to draw it as"
                + " text, name the kind with --kind", e.getMessage());
        List<String> words = List.of("1,234", "12,500", "987", "a", "b", "c", "d", "e", "f", "g");
        assertEquals(ChartKind.SCATTER, new ChartPlanner(spec(null, "id", "s.a", "s.t.b"))
                .plan(NESTED, "n.parquet", column -> column.equals("s.t.b") ? words : List.of()).kind());
    }

    @Test
    void timesReadAsTextAreRefusedToo() {
        List<String> times = List.of("2015/01/01 01:00:00", "2015/01/01 02:00:00", "2015-01-01T03:00:00Z");
        assertEquals("all 3 values look like dates or times ('2015/01/01 01:00:00'); read them as times with --type"
                + " t=timestamp, or store the column as timestamps", TextSample.readsAs("t", times).orElseThrow());
        assertEquals(java.util.Optional.empty(), TextSample.readsAs("t", List.of()));
    }

    private static void assertData(String message, ChartSpec spec) {
        ChartonException e = assertThrows(ChartonException.class, () -> plan(spec));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals(message, e.getMessage());
    }

    private static ChartPlan plan(ChartSpec spec) {
        return new ChartPlanner(spec).plan(NESTED, "n.parquet", column -> List.of());
    }

    private static ChartSpec spec(String kind, String x, String y, String color) {
        List<String> ys = y.isEmpty() ? List.of() : List.of(y);
        return new ChartSpec(kind, x, ys, color, null, null, null, null, 800, 600, 100, null,
                false, false, null, null, null);
    }
}
