package dev.charton.pipeline;

import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.reduce.ReduceRequest;

import java.util.Set;

/**
 * The picture a reduction keeps rows for: the figure's pixels (never fewer than the plot area has),
 * with several rows per pixel for outputs a reader can zoom into (vector files, interactive HTML
 * and JSON), so zooming in a little still shows the data's detail.
 */
final class PictureGrid {
    /** Rows kept per pixel column (and row) for zoomable outputs. */
    static final int ZOOMABLE_POINTS_PER_PIXEL = 4;
    private static final Set<OutputFormat> RASTER = Set.of(OutputFormat.PNG, OutputFormat.JPG);

    private PictureGrid() {
    }

    static ReduceRequest reduceRequest(ChartPlan plan, RenderRequest request) {
        ChartSpec spec = request.spec();
        int pointsPerPixel = RASTER.contains(request.format()) ? 1 : ZOOMABLE_POINTS_PER_PIXEL;
        // The facet grid is only known once the panels are counted: one column is the finest grid.
        return new ReduceRequest(plan.kind(), plan.x(), plan.y(), plan.color(), plan.facet(),
                plan.agg() == null ? null : plan.agg().optionName(), plan.bins(), spec.width(), spec.height(),
                pointsPerPixel, 1, spec.logX(), spec.logY());
    }
}
