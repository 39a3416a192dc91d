package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;

import java.util.List;

/**
 * What a reduction needs to know about the chart: its kind and columns (as Java decided them), and
 * the picture the statistic is for.
 *
 * @param x               the x column, or null for the row number
 * @param y               the value columns (empty for a bar that counts rows)
 * @param agg             sum, mean, count, min or max; null when none was asked for
 * @param bins            --bins, or null for the kind's rule
 * @param width           plot area width in pixels, all facet panels together
 * @param height          plot area height in pixels
 * @param pointsPerPixel  rows kept per pixel column (and row): 1 for raster outputs, more for zoomable ones
 * @param facetColumns    columns of the facet grid, so one panel's width is known
 * @param logX            the x axis is logarithmic (pixel columns are even in log space)
 * @param logY            the y axis is logarithmic
 */
public record ReduceRequest(ChartKind kind, String x, List<String> y, String color, String facet, String agg,
                            Integer bins, int width, int height, int pointsPerPixel, int facetColumns,
                            boolean logX, boolean logY) {

    public ReduceRequest {
        y = List.copyOf(y);
        if (width < 1 || height < 1 || pointsPerPixel < 1 || facetColumns < 1) {
            throw new IllegalArgumentException("plot area " + width + "x" + height + ", " + pointsPerPixel
                    + " points per pixel, " + facetColumns + " facet columns: each must be at least 1");
        }
        if ((long) width * height * pointsPerPixel * pointsPerPixel > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("plot area " + width + "x" + height + " at " + pointsPerPixel
                    + " points per pixel has too many cells");
        }
        if (agg != null && !List.of("sum", "mean", "count", "min", "max").contains(agg)) {
            throw new IllegalArgumentException("unknown aggregation " + agg);
        }
    }

    /** Pixel columns of one facet panel times the points kept per pixel. */
    public int gridColumns() {
        return ceilDiv(width, facetColumns) * pointsPerPixel;
    }

    /** Pixel rows of one panel times the points kept per pixel (the facet grid's row count is not known, so the whole height: finer, never coarser). */
    int gridRows() {
        return height * pointsPerPixel;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
