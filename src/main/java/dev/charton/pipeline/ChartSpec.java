package dev.charton.pipeline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.pipeline.plan.ChartPlan;

import java.util.List;
import java.util.Map;

/**
 * What to draw, independent of the renderer: charton's chart grammar. It reaches Python as JSON
 * data (snake_case keys), never as source code; Python checks the names of kinds, aggregations,
 * themes and columns against the renderer and the data.
 *
 * @param kind   line, scatter, bar, hist, area, box or heatmap; null lets charton choose from the column types
 * @param y      one series per column
 * @param color  a column whose values split the chart into series (a heatmap's value instead)
 * @param facet  a column whose values split the chart into panels
 * @param width  figure width in pixels, at most {@link #MAX_WIDTH}
 * @param height figure height in pixels, at most {@link #MAX_HEIGHT}
 * @param bins   histogram bins (heatmap axis bins); null for automatic
 * @param agg    sum, mean, count, min or max over rows sharing an x; null for none
 * @param reduce auto (reduce the rows to what the picture needs, in Java) or none (send every row)
 * @param xlim   the x axis' range (--xlim), null for the data's
 * @param ylim   the y axis' range (--ylim), null for the data's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChartSpec(String kind, String x, List<String> y, String color, String facet,
                        String title, String xlabel, String ylabel,
                        int width, int height, int dpi, String theme,
                        boolean logX, boolean logY, Integer bins, String agg, String reduce,
                        AxisLimits xlim, AxisLimits ylim) {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 600;
    public static final int DEFAULT_DPI = 100;
    /** 8000 x 8000 pixels is a 256 MB image in memory before it is encoded; past that renderers run out of memory. */
    public static final int MAX_WIDTH = 8000;
    public static final int MAX_HEIGHT = 8000;
    /** The dpi scales text and lines, not the pixel size; past print resolution a letter outgrows the figure. */
    public static final int MAX_DPI = 1200;
    /** The options with a maximum, and it. */
    public static final Map<String, Integer> MAXIMA = Map.of("--width", MAX_WIDTH, "--height", MAX_HEIGHT, "--dpi", MAX_DPI);
    public static final String REDUCE_AUTO = "auto";
    public static final String REDUCE_NONE = "none";

    public ChartSpec {
        y = List.copyOf(y);
        bounded("--width", width);
        bounded("--height", height);
        bounded("--dpi", dpi);
        if (bins != null) {
            positive("--bins", bins);
        }
        if (reduce == null) {
            reduce = REDUCE_AUTO;
        } else if (!reduce.equals(REDUCE_AUTO) && !reduce.equals(REDUCE_NONE)) {
            throw new ChartonException(ExitCode.USAGE, "--reduce: expected auto or none, not '" + reduce + "'");
        }
    }

    /** A spec whose axes take the data's range. */
    public ChartSpec(String kind, String x, List<String> y, String color, String facet, String title, String xlabel,
                     String ylabel, int width, int height, int dpi, String theme, boolean logX, boolean logY,
                     Integer bins, String agg, String reduce) {
        this(kind, x, y, color, facet, title, xlabel, ylabel, width, height, dpi, theme, logX, logY, bins, agg, reduce,
                null, null);
    }

    /** This spec with what the plan decided: the kind, and the x and y columns with the defaults filled in. */
    public ChartSpec planned(ChartPlan plan) {
        return new ChartSpec(plan.kind().optionName(), plan.x(), plan.y(), color, facet, title, xlabel, ylabel,
                width, height, dpi, theme, logX, logY, bins, agg, reduce, xlim, ylim);
    }

    /** Whether the rows may be reduced to what the picture needs before they reach Python. */
    public boolean reduces() {
        return reduce.equals(REDUCE_AUTO);
    }

    /** No columns named, default size: what a request that draws nothing from the grammar sends. */
    public static ChartSpec defaults() {
        return new ChartSpec(null, null, List.of(), null, null, null, null, null,
                DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DPI, null, false, false, null, null, REDUCE_AUTO);
    }

    private static void bounded(String option, int value) {
        positive(option, value);
        int maximum = MAXIMA.get(option);
        if (value > maximum) {
            throw new ChartonException(ExitCode.USAGE, option + " " + value + " is more than the maximum of " + maximum);
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new ChartonException(ExitCode.USAGE, option + " must be a positive number, not " + value);
        }
    }
}
