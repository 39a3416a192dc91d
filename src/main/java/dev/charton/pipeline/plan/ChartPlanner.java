package dev.charton.pipeline.plan;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ColumnSelection;
import dev.charton.input.StructPaths;
import dev.charton.input.UnknownColumnException;
import dev.charton.pipeline.AxisLimits;
import dev.charton.pipeline.ChartSpec;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a figure's {@link ChartPlan} from the chart options: first which columns to read (before
 * any row is), then, once their types are known, the kind and the columns the options left out.
 * The rules are the grammar's (README "The grammar"); the messages are those Python gave when it
 * decided, so a user sees the same words whichever side refuses.
 */
public final class ChartPlanner {
    private final ChartSpec spec;
    private final ChartKind askedKind;
    private final Aggregation askedAgg;
    private final NamedColumns namedColumns;

    public ChartPlanner(ChartSpec spec) {
        this.spec = spec;
        this.namedColumns = NamedColumns.of(spec);
        this.askedKind = spec.kind() == null ? null : ChartKind.named(spec.kind());
        this.askedAgg = spec.agg() == null ? null : Aggregation.named(spec.agg());
        if (askedKind != null) {
            checkApplies(askedKind);
        }
    }

    /**
     * The columns to read: those the options name, or null (every column) when a column the
     * options leave out is to be chosen by its type.
     */
    public Optional<List<String>> projection() {
        if (choosesAColumn()) {
            return Optional.empty();
        }
        return Optional.of(named().columns());
    }

    /**
     * The plan for the table {@code table} reads (its schema holds at least the projected columns);
     * its first batch is looked at only to sample a named text column that no reader looked at.
     */
    public ChartPlan plan(FirstBatchAhead table, String sourceName) {
        return plan(table.root().getSchema(), sourceName, table);
    }

    ChartPlan plan(Schema schema, String sourceName, TextSample.Values values) {
        Map<String, Field> fields = StructPaths.columns(schema);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        fields.forEach((name, field) -> types.put(name, ColumnType.of(field)));
        for (String column : named().columns()) {
            if (!fields.containsKey(column)) {
                List<String> topLevel = schema.getFields().stream().map(Field::getName).toList();
                throw new UnknownColumnException(column, ColumnSelection.noSuchColumn(topLevel, column, sourceName));
            }
        }
        namedColumns.refuseNested(fields, sourceName);
        namedColumns.refuseTextReadingAsValues(fields, askedKind, sourceName, values);
        Set<String> timesOfDay = new HashSet<>();
        fields.forEach((name, field) -> {
            if (field.getType() instanceof ArrowType.Time) {
                timesOfDay.add(name);
            }
        });
        return new Decision(types, timesOfDay).decide();
    }

    /**
     * The same failure with the options that name the column first ({@code --color: ...}), so the
     * user knows which of their options to fix.
     */
    public ChartonException naming(UnknownColumnException unknown) {
        List<String> options = namedColumns.optionsNaming(unknown.column());
        return options.isEmpty() ? unknown
                : new ChartonException(unknown.exitCode(), String.join(", ", options) + ": " + unknown.getMessage(), unknown);
    }

    private ChartPlan named() {
        return new ChartPlan(askedKind == null ? ChartKind.LINE : askedKind, spec.x(), spec.y(), spec.color(),
                spec.facet(), askedAgg, spec.bins());
    }

    /** Whether a column the options leave out is chosen by type, from every column. */
    private boolean choosesAColumn() {
        if (!spec.y().isEmpty()) {
            return false;
        }
        if (spec.x() == null) {
            return askedKind != ChartKind.HEATMAP;
        }
        if (askedKind == null) {
            return false;
        }
        return switch (askedKind) {
            case LINE, SCATTER, AREA, BOX -> true;
            case BAR -> askedAgg != null && askedAgg != Aggregation.COUNT;
            case HIST, HEATMAP -> false;
        };
    }

    private void checkApplies(ChartKind kind) {
        if ((kind == ChartKind.HIST || kind == ChartKind.BOX) && askedAgg != null) {
            throw usage("--agg does not apply to a " + kind.optionName() + " chart");
        }
        if (spec.bins() != null && kind != ChartKind.HIST && kind != ChartKind.HEATMAP) {
            throw usage("--bins applies to hist and heatmap charts, not " + kind.optionName());
        }
    }

    private static ChartonException usage(String message) {
        return new ChartonException(ExitCode.USAGE, message);
    }

    /** The decisions that need the column types. */
    private final class Decision {
        private final Map<String, ColumnType> types;
        /** The temporal columns that are times of day, not dates or timestamps. */
        private final Set<String> timesOfDay;
        private String x = spec.x();
        private List<String> y = spec.y();

        Decision(Map<String, ColumnType> types, Set<String> timesOfDay) {
            this.types = types;
            this.timesOfDay = timesOfDay;
        }

        ChartPlan decide() {
            boolean noneNamed = x == null && y.isEmpty();
            if (noneNamed) {
                chooseDefaultColumns();
            }
            // With no column named and no time column to draw a series along, the one number's distribution.
            ChartKind kind = askedKind != null ? askedKind : noneNamed && x == null ? ChartKind.HIST
                    : ChartKind.choose(type(x), y.stream().map(this::type).toList());
            checkApplies(kind);
            Aggregation agg = askedAgg;
            switch (kind) {
                case LINE, SCATTER, AREA, BAR -> {
                    boolean counting = kind == ChartKind.BAR && y.isEmpty()
                            && (agg == null || agg == Aggregation.COUNT);
                    if (counting) {
                        agg = Aggregation.COUNT;
                    } else {
                        if (y.isEmpty()) {
                            y = firstNumeric(kind);
                        }
                        requireNumeric(y, kind, "--y");
                    }
                }
                case HIST -> {
                    if (y.isEmpty() && x != null) {
                        y = List.of(x); // --x alone: a histogram of its values, with no x column of its own
                        x = null;
                    } else if (y.isEmpty()) {
                        y = firstNumeric(kind);
                    }
                    for (String name : y) {
                        if (type(name) != ColumnType.NUMERIC) {
                            throw usage("a hist chart needs numeric values, but '" + name + "' is " + type(name).word()
                                    + " (try --kind bar, which counts rows per value)");
                        }
                    }
                }
                case BOX -> {
                    if (y.isEmpty()) {
                        y = firstNumeric(kind);
                    }
                    requireNumeric(y, kind, "--y");
                }
                case HEATMAP -> agg = heatmapAggregation(agg);
            }
            checkScales(kind);
            return new ChartPlan(kind, x, y, spec.color(), spec.facet(), agg, spec.bins());
        }

        private Aggregation heatmapAggregation(Aggregation agg) {
            if (x == null || y.size() != 1) {
                throw usage("a heatmap needs one --x and one --y column (and optionally a --color value)");
            }
            String value = spec.color();
            if (value != null) {
                requireNumeric(List.of(value), ChartKind.HEATMAP, "--color");
            }
            Aggregation chosen = agg != null ? agg : value != null ? Aggregation.MEAN : Aggregation.COUNT;
            if (value == null && chosen != Aggregation.COUNT) {
                throw usage("--agg " + chosen.optionName() + " needs a value to aggregate: name its column with --color");
            }
            return chosen;
        }

        private void chooseDefaultColumns() {
            List<String> numeric = ofType(ColumnType.NUMERIC);
            List<String> temporal = ofType(ColumnType.TEMPORAL);
            boolean series = askedKind == null || switch (askedKind) {
                case LINE, AREA, SCATTER, BAR -> true;
                default -> false;
            };
            boolean distribution = askedKind == null || askedKind == ChartKind.HIST || askedKind == ChartKind.BOX;
            if (series && !temporal.isEmpty() && !numeric.isEmpty()) {
                x = temporal.get(0);
                y = numeric.subList(0, 1);
            } else if (distribution && !numeric.isEmpty() && (askedKind != null || numeric.size() == 1)) {
                y = numeric.subList(0, 1);
            } else if (askedKind != ChartKind.HEATMAP) {
                throw usage("name the columns to plot with --x and --y (columns: " + String.join(", ", types.keySet()) + ")");
            }
        }

        /** Columns of {@code type} other than the --color and --facet ones, in the table's order. */
        private List<String> ofType(ColumnType type) {
            return types.entrySet().stream()
                    .filter(e -> e.getValue() == type && !e.getKey().equals(spec.color()) && !e.getKey().equals(spec.facet()))
                    .map(Map.Entry::getKey).toList();
        }

        private List<String> firstNumeric(ChartKind kind) {
            List<String> candidates = ofType(ColumnType.NUMERIC).stream().filter(c -> !c.equals(x)).toList();
            if (candidates.isEmpty()) {
                throw usage("a " + kind.optionName() + " chart needs a numeric column: name one with --y");
            }
            return candidates.subList(0, 1);
        }

        private void requireNumeric(List<String> names, ChartKind kind, String option) {
            for (String name : names) {
                if (type(name) != ColumnType.NUMERIC) {
                    throw usage(option + " '" + name + "' is " + type(name).word() + ", but a " + kind.optionName()
                            + " chart needs numbers there");
                }
            }
        }

        private void checkScales(ChartKind kind) {
            if (kind == ChartKind.HEATMAP && (spec.logX() || spec.logY())) {
                throw usage("--log-x and --log-y do not apply to a heatmap");
            }
            ColumnType xType = switch (kind) {
                case HIST -> ColumnType.NUMERIC;
                case BOX -> x == null ? null : ColumnType.CATEGORICAL;
                case HEATMAP -> ColumnType.CATEGORICAL;
                default -> x == null ? ColumnType.NUMERIC : type(x);
            };
            if (spec.logX() && xType != ColumnType.NUMERIC) {
                throw usage("--log-x needs a numeric x axis, but this one is " + word(xType));
            }
            checkLimits(spec.xlim(), "x", xType);
            boolean clockAxis = xType == ColumnType.TEMPORAL && timesOfDay.contains(x);
            if (spec.xlim() != null && xType == ColumnType.TEMPORAL && spec.xlim().timeOfDay() != clockAxis) {
                throw usage("--xlim gives " + (clockAxis ? "dates" : "times of day") + ", but the x axis is "
                        + (clockAxis ? "times of day (give --xlim 08:00,18:00)" : "dates or timestamps"));
            }
            checkLimits(spec.ylim(), "y", kind == ChartKind.HEATMAP ? ColumnType.CATEGORICAL : ColumnType.NUMERIC);
        }

        private void checkLimits(AxisLimits limits, String axis, ColumnType axisType) {
            if (limits == null) {
                return;
            }
            ColumnType given = limits.temporal() ? ColumnType.TEMPORAL : ColumnType.NUMERIC;
            if (axisType != given) {
                throw usage(limits.option() + " gives " + (limits.temporal() ? "times" : "numbers") + ", but the "
                        + axis + " axis is " + word(axisType));
            }
        }

        private static String word(ColumnType type) {
            return type == null ? "absent" : type.word();
        }

        private ColumnType type(String column) {
            return column == null ? null : types.get(column);
        }
    }
}
