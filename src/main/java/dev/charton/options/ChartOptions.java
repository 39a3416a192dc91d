package dev.charton.options;

import dev.charton.pipeline.AxisLimits;
import dev.charton.pipeline.ChartSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The chart grammar shared by every renderer. Python checks the names against the data. */
public final class ChartOptions {
    @Option(names = {"-k", "--kind"}, paramLabel = "KIND",
            description = "line, scatter, bar, hist, area, box or heatmap (default: chosen from the column types).")
    String kind;

    @Option(names = {"-x", "--x"}, paramLabel = "COLUMN", description = "Column for the x axis.")
    String x;

    @Option(names = {"-y", "--y"}, paramLabel = "COLUMN", split = ",",
            description = "Column(s) for the y axis; repeatable or comma-separated, one series each.")
    List<String> y = new ArrayList<>();

    @Option(names = "--color", paramLabel = "COLUMN",
            description = "Split into one series per value of this column (a heatmap's cell value instead).")
    String color;

    @Option(names = "--facet", paramLabel = "COLUMN", description = "One panel per value of this column.")
    String facet;

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title.")
    String title;

    @Option(names = "--xlabel", paramLabel = "TEXT", description = "x axis label (default: the column name).")
    String xlabel;

    @Option(names = "--ylabel", paramLabel = "TEXT", description = "y axis label (default: the column name).")
    String ylabel;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "" + ChartSpec.DEFAULT_WIDTH,
            description = "Figure width in pixels, at most " + ChartSpec.MAX_WIDTH + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "" + ChartSpec.DEFAULT_HEIGHT,
            description = "Figure height in pixels, at most " + ChartSpec.MAX_HEIGHT + " (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "" + ChartSpec.DEFAULT_DPI,
            description = "Dots per inch: scales text and lines of matplotlib and seaborn figures, at most " + ChartSpec.MAX_DPI
                    + " (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--theme", paramLabel = "NAME",
            description = "The renderer's theme or style; light and dark work everywhere (charton templates lists renderers).")
    String theme;

    @Option(names = "--log-x", description = "Logarithmic x axis.")
    boolean logX;

    @Option(names = "--log-y", description = "Logarithmic y axis.")
    boolean logY;

    @Option(names = "--bins", paramLabel = "N", description = "Number of histogram bins (default: automatic).")
    Integer bins;

    @Option(names = "--agg", paramLabel = "FUNC",
            description = "Aggregate y over rows sharing an x: sum, mean, count, min or max.")
    String agg;

    @Option(names = "--reduce", paramLabel = "MODE", defaultValue = ChartSpec.REDUCE_AUTO,
            description = "auto: reduce the rows to what the picture needs before they reach Python (M4 for lines, bins,"
                    + " aggregates); none: send every row (default: ${DEFAULT-VALUE}).")
    String reduce;

    @Option(names = "--xlim", paramLabel = "MIN,MAX",
            description = "The x axis' range: two numbers, two dates (2024-01-01,2024-06-30) or two times of day"
                    + " (08:00,18:00); values outside are not drawn.")
    String xlim;

    @Option(names = "--ylim", paramLabel = "MIN,MAX", description = "The y axis' range: two numbers or two dates.")
    String ylim;

    public ChartSpec toSpec() {
        return new ChartSpec(kind, x, y, color, facet, title, xlabel, ylabel, width, height, dpi, theme,
                logX, logY, bins, agg, reduce, AxisLimits.parse("--xlim", xlim), AxisLimits.parse("--ylim", ylim));
    }
}
