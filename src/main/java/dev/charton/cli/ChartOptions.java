package dev.charton.cli;

import dev.charton.render.ChartSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The chart grammar shared by every renderer. */
final class ChartOptions {
    @Option(names = {"-k", "--kind"}, paramLabel = "KIND",
            description = "line, scatter, bar, hist, area, box or heatmap (default: chosen from the column types).")
    String kind;

    @Option(names = {"-x", "--x"}, paramLabel = "COLUMN", description = "Column for the x axis.")
    String x;

    @Option(names = {"-y", "--y"}, paramLabel = "COLUMN", split = ",",
            description = "Column(s) for the y axis; repeatable or comma-separated, one series each.")
    List<String> y = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title.")
    String title;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "" + ChartSpec.DEFAULT_WIDTH,
            description = "Figure width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "" + ChartSpec.DEFAULT_HEIGHT,
            description = "Figure height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "" + ChartSpec.DEFAULT_DPI,
            description = "Dots per inch for raster formats (default: ${DEFAULT-VALUE}).")
    int dpi;

    ChartSpec toSpec() {
        return new ChartSpec(kind, x, List.copyOf(y), title, width, height, dpi);
    }
}
