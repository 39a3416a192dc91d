package dev.charton.render;

import java.util.List;

/**
 * What to draw, independent of the renderer. It reaches Python as JSON data, never as source code.
 *
 * @param kind   line, scatter, bar, ...; null lets the renderer choose from the column types
 * @param width  figure width in pixels
 * @param height figure height in pixels
 */
public record ChartSpec(String kind, String x, List<String> y, String title, int width, int height, int dpi) {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 600;
    public static final int DEFAULT_DPI = 100;
}
