package dev.charton.pipeline.plan;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How --agg combines the y values of rows that share an x (a heatmap's cell values, too). */
public enum Aggregation {
    SUM, MEAN, COUNT, MIN, MAX;

    public static Aggregation named(String name) {
        return Arrays.stream(values()).filter(a -> a.optionName().equals(name)).findFirst()
                .orElseThrow(() -> new ChartonException(ExitCode.USAGE, "--agg: unknown aggregation '" + name
                        + "' (expected one of " + Arrays.stream(values()).map(Aggregation::optionName)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
