package dev.charton.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.SeriesTable;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picture drawn from the statistic Java computes (--reduce auto) against the picture drawn from
 * every row (--reduce none), on a 200,000-row table, both PNGs decoded and compared pixel by pixel.
 */
public class ReducedFiguresIT {
    @TempDir
    static Path data;
    private static Path table;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeTable() throws IOException {
        table = SeriesTable.write(data.resolve("series.csv"), 200_000);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "hist     | --y value --facet group",
            "hist     | --y value --y other --bins 40",
            "bar      | --x cat --y value --agg mean --color group",
            "bar      | --x cat",
            "heatmap  | --x cat --y group --color value --agg mean",
            "heatmap  | --x value --y other",
            "heatmap  | --x t --y cat",
            "heatmap  | --x group --y t --color value --agg max --bins 6",
            "box      | --x cat --y value",
            "box      | --y value --y other --facet group"})
    void statisticsDrawTheSamePicture(String kind, String options) throws IOException {
        Pair pair = drawBoth(kind, options);
        assertEquals(0.0, Png.differingShare(pair.reduced(), pair.all(), 0),
                "the " + kind + " from Java's statistic must be the same picture");
    }

    /**
     * Points are a subset of the rows. M4 keeps every pixel a 1-pixel line without antialiasing
     * would set; matplotlib's 1.4-pixel antialiased line blends the edge pixels of segments M4 leaves
     * out, so pixels along the lines' edges differ, nowhere else: at most 2% of the picture by more
     * than 16 levels for two dense random walks (one walk: about 1%). A stacked area's boundaries are
     * such lines. A scatter keeps one point per series and pixel cell: a marker moves by under a
     * pixel, and where series share a cell the one drawn last covers the others at slightly other
     * places; the picture looks the same, but up to 10% of its pixels differ by more than 16 levels.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "line     | --x t --y value --color cat         | 0.02",
            "line     | --x t --y value --y other           | 0.02",
            "area     | --x t --y other --y value             | 0.02",
            "line     | --y other --facet group             | 0.02",
            "scatter  | --x value --y other --color cat     | 0.10"})
    void pointsDrawTheSameLine(String kind, String options, double tolerance) throws IOException {
        Pair pair = drawBoth(kind, options);
        double share = Png.differingShare(pair.reduced(), pair.all(), 16);
        assertTrue(share <= tolerance, kind + " " + options + ": " + share + " of the pixels differ by more than 16 levels");
    }

    /**
     * A Parquet file's statistics give the axes before any row is read, so lines and scatters read it
     * once; the picture is the very one drawn from the same table without statistics (an Arrow
     * stream, read into a spill and passed over twice).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "line     | --x t --y value --color cat",
            "line     | --y value --y other",
            "scatter  | --x value --y other --color group",
            "hist     | --y value --y other --bins 40",
            "hist     | --y n --color cat"})
    void parquetStatisticsPlaceTheSamePointsAsTwoPasses(String kind, String options) throws Exception {
        Path parquet = tmp.resolve("series.parquet");
        Process write = new ProcessBuilder(TestPython.interpreter().toString(), "-c",
                "import sys, pyarrow.csv, pyarrow.parquet as pq;"
                        + " pq.write_table(pyarrow.csv.read_csv(sys.argv[1]), sys.argv[2], row_group_size=30_000)",
                table.toString(), parquet.toString()).inheritIO().start();
        assertEquals(0, write.waitFor(), "pyarrow wrote the Parquet file");
        Path stream = tmp.resolve("series.arrows");
        Charton.Result converted = Charton.run("convert", parquet.toString(), "-o", stream.toString()).go();
        assertEquals(0, converted.exitCode(), converted::toString);
        BufferedImage fromStatistics = draw(parquet, kind, options, "auto");
        BufferedImage fromSpill = draw(stream, kind, options, "auto");
        assertEquals(0.0, Png.differingShare(fromStatistics, fromSpill, 0), kind + " " + options);
    }

    @Test
    void aMillionRowLineSendsAtMostFourRowsPerPixelColumnAndSeries() throws IOException {
        Path big = SeriesTable.write(tmp.resolve("big.csv"), 1_000_000);
        Charton.Result r = Charton.run("plot", big.toString(), "--x", "t", "--y", "value,other", "-o",
                tmp.resolve("big.png").toString()).env("CHARTON_TIMINGS", "1").timeout(600).go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode java = timings(r).path("java");
        assertEquals(1_000_000, java.path("rows_read").asLong());
        long sent = java.path("rows_sent").asLong();
        assertTrue(sent > 0 && sent <= 4L * 800 * 2, "rows sent: " + sent);
    }

    @Test
    void withoutReductionEveryRowIsSent() throws IOException {
        Charton.Result r = Charton.run("plot", table.toString(), "--x", "t", "--y", "value", "--reduce", "none", "-o",
                tmp.resolve("all.png").toString()).env("CHARTON_TIMINGS", "1").go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode java = timings(r).path("java");
        assertEquals(200_000, java.path("rows_read").asLong());
        assertEquals(200_000, java.path("rows_sent").asLong());
    }

    private Pair drawBoth(String kind, String options) throws IOException {
        return new Pair(draw(kind, options, "auto"), draw(kind, options, "none"));
    }

    private BufferedImage draw(String kind, String options, String reduce) throws IOException {
        return draw(table, kind, options, reduce);
    }

    private BufferedImage draw(Path input, String kind, String options, String reduce) throws IOException {
        Path out = tmp.resolve(input.getFileName() + "-" + kind + "-" + reduce + ".png");
        List<String> args = new ArrayList<>(List.of("plot", input.toString(), "--kind", kind, "--reduce", reduce,
                "-o", out.toString()));
        args.addAll(Arrays.asList(options.trim().split("\\s+")));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).env("CHARTON_TIMINGS", "1").timeout(300).go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode java = timings(r).path("java");
        assertEquals(200_000, java.path("rows_read").asLong());
        if (reduce.equals("auto")) {
            long most = kind.equals("scatter") ? 200_000 : 20_000; // a scatter's cells outnumber these rows
            assertTrue(java.path("rows_sent").asLong() < most, "the statistic, not the rows: " + java);
        }
        return Png.decode(out);
    }

    public static JsonNode timings(Charton.Result r) throws IOException {
        String line = r.stderr().lines().filter(l -> l.startsWith("charton: timings ")).findFirst()
                .orElseThrow(() -> new AssertionError("no timings line: " + r));
        return new ObjectMapper().readTree(line.substring("charton: timings ".length()));
    }

    private record Pair(BufferedImage reduced, BufferedImage all) {
    }
}
