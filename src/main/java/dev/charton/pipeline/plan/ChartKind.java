package dev.charton.pipeline.plan;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of chart the grammar draws, and the one implementation of how charton chooses one. */
public enum ChartKind {
    LINE, SCATTER, BAR, HIST, AREA, BOX, HEATMAP;

    public static ChartKind named(String name) {
        return Arrays.stream(values()).filter(k -> k.optionName().equals(name)).findFirst()
                .orElseThrow(() -> new ChartonException(ExitCode.USAGE, "--kind: unknown kind '" + name
                        + "' (expected one of " + names() + ")"));
    }

    /** The kind drawn when --kind is not given, from the types of --x (null: none) and --y. */
    public static ChartKind choose(ColumnType x, List<ColumnType> ys) {
        boolean numbers = !ys.isEmpty() && ys.stream().allMatch(t -> t == ColumnType.NUMERIC);
        if (x == null) {
            if (numbers) {
                return LINE; // over the row number
            }
            throw usage("cannot choose a chart for these columns: give --kind");
        }
        if (ys.isEmpty()) {
            return x == ColumnType.NUMERIC ? HIST : BAR;
        }
        if (numbers) {
            return switch (x) {
                case TEMPORAL -> LINE;
                case NUMERIC -> SCATTER;
                case CATEGORICAL -> BAR;
            };
        }
        if (x == ColumnType.CATEGORICAL && ys.equals(List.of(ColumnType.CATEGORICAL))) {
            return HEATMAP;
        }
        throw usage("cannot choose a chart for a categorical --y against a " + x.word() + " --x: give --kind");
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String names() {
        return Arrays.stream(values()).map(ChartKind::optionName).collect(Collectors.joining(", "));
    }

    private static ChartonException usage(String message) {
        return new ChartonException(ExitCode.USAGE, message);
    }
}
