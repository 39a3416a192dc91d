package dev.charton.pipeline.plan;

import dev.charton.app.TypeNames;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TextColumns;
import dev.charton.pipeline.ChartSpec;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns the chart options name, each with its option ({@code --y temp}), and the refusals
 * of columns that cannot be drawn as named: nested columns, and text whose values read as numbers
 * or times (a chart of them as categories would be wrong in silence).
 */
record NamedColumns(List<Named> all) {
    /** One column as an option names it. */
    record Named(String option, String column) {
    }

    static NamedColumns of(ChartSpec spec) {
        List<Named> all = new ArrayList<>();
        if (spec.x() != null) {
            all.add(new Named("--x", spec.x()));
        }
        spec.y().forEach(y -> all.add(new Named("--y", y)));
        if (spec.color() != null) {
            all.add(new Named("--color", spec.color()));
        }
        if (spec.facet() != null) {
            all.add(new Named("--facet", spec.facet()));
        }
        return new NamedColumns(List.copyOf(all));
    }

    /** The options that name {@code column}. */
    List<String> optionsNaming(String column) {
        return all.stream().filter(n -> n.column().equals(column)).map(Named::option).distinct().toList();
    }

    /** Refuses a named column that is a list, struct, map or union: it has no one value per row to draw. */
    void refuseNested(Map<String, Field> fields, String source) {
        for (Named named : all) {
            Field field = fields.get(named.column());
            if (isNested(field.getType())) {
                throw new ChartonException(ExitCode.DATA, named.option() + ": " + source + ": column '" + named.column()
                        + "' is " + TypeNames.of(field) + ", which has no single value per row to draw"
                        + structFields(field));
            }
        }
    }

    /**
     * Refuses a named text column whose values nearly all read as numbers or times (as its reader
     * said, or as {@code values} show when no reader looked), unless the kind asked for
     * ({@code askedKind}, null when none was) draws categories where the column is.
     */
    void refuseTextReadingAsValues(Map<String, Field> fields, ChartKind askedKind, String source,
                                   TextSample.Values values) {
        for (Named named : all) {
            if (askedKind != null && !needsValues(named.option(), askedKind)) {
                continue;
            }
            String readsAs = TextColumns.readsAs(fields.get(named.column()))
                    .or(() -> TextSample.readsAs(named.column(), values.of(named.column()))).orElse(null);
            if (readsAs != null) {
                throw new ChartonException(ExitCode.DATA, named.option() + ": " + source + ": column '"
                        + named.column() + "' was read as text, but " + readsAs
                        + (askedKind == null ? "; to draw it as text, name the kind with --kind" : ""));
            }
        }
    }

    /** Whether a chart of {@code kind} needs numbers or times in the role of {@code option}. */
    private static boolean needsValues(String option, ChartKind kind) {
        return switch (option) {
            case "--y" -> kind != ChartKind.HEATMAP;
            case "--x" -> kind == ChartKind.HIST || kind == ChartKind.SCATTER;
            case "--color" -> kind == ChartKind.HEATMAP;
            default -> false;
        };
    }

    private static boolean isNested(ArrowType type) {
        return type instanceof ArrowType.List || type instanceof ArrowType.LargeList
                || type instanceof ArrowType.FixedSizeList || type instanceof ArrowType.Struct
                || type instanceof ArrowType.Map || type instanceof ArrowType.Union;
    }

    private static String structFields(Field field) {
        if (!(field.getType() instanceof ArrowType.Struct) || field.getChildren().isEmpty()) {
            return "";
        }
        String first = field.getChildren().get(0).getName();
        return "; name one of its fields as '" + field.getName() + "." + first + "'";
    }
}
