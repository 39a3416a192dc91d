package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Times of day (CSV times, DuckDB TIME, Arrow time32/time64) are drawn on a continuous axis, spaced by
 * time: 00:00, 00:01, 00:02 and 12:00 put the first three together at the left and 12:00 at the right,
 * not four evenly spaced categories. Read from the drawn PNG's pixels and the altair and plotly JSON.
 */
class TimeOfDayIT {
    /** The defect's table: uneven times of day, y counting up. */
    private static final String UNEVEN = "x,y\n00:00:00,0\n00:01:00,1\n00:02:00,2\n12:00:00,3\n";
    private static final String UNEVEN_SQL = "SELECT * FROM (VALUES (TIME '00:00:00', 0), (TIME '00:01:00', 1),"
            + " (TIME '00:02:00', 2), (TIME '12:00:00', 3)) AS t(x, y)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, --reduce {1}")
    @CsvSource({"matplotlib, auto", "matplotlib, none", "seaborn, auto"})
    void aLineOfUnevenTimesIsSpacedByTime(String renderer, String reduce) throws IOException {
        Files.writeString(tmp.resolve("t.csv"), UNEVEN);
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--renderer", renderer,
                "--reduce", reduce, "-o", "t.png").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertSpacedByTime(Png.decode(tmp.resolve("t.png")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"time32('s'), 1, parquet", "time32('ms'), 1000, parquet", "time64('us'), 1000000, parquet",
            "time64('ns'), 1000000000, parquet", "time32('s'), 1, arrow", "time64('ns'), 1000000000, arrow"})
    void parquetAndArrowTimesAreSpacedByTime(String type, long perSecond, String format) throws Exception {
        Path file = tmp.resolve("t." + format);
        String writer = format.equals("parquet") ? "import pyarrow.parquet as out; out.write_table(t, sys.argv[1])"
                : "import pyarrow.feather as out; out.write_feather(t, sys.argv[1])";
        Process write = new ProcessBuilder(TestPython.interpreter().toString(), "-c",
                "import sys, pyarrow as pa; t = pa.table({'x': pa.array([s * " + perSecond + " for s in (0, 60, 120, 43200)],"
                        + " pa." + type + "), 'y': [0, 1, 2, 3]}); " + writer,
                file.toString()).inheritIO().start();
        assertEquals(0, write.waitFor(), "pyarrow wrote the file");
        Charton.Result r = Charton.run("plot", file.toString(), "--x", "x", "--y", "y", "-o", tmp.resolve("t.png").toString())
                .go();
        assertEquals(0, r.exitCode(), r.toString());
        assertSpacedByTime(Png.decode(tmp.resolve("t.png")));
    }

    @Test
    void barsStandAtTheirTimes() throws IOException {
        Files.writeString(tmp.resolve("t.csv"), UNEVEN);
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--kind", "bar", "-o", "bar.png")
                .in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        BufferedImage image = Png.decode(tmp.resolve("bar.png"));
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < image.getWidth(); column++) {
            for (int row = 0; row < image.getHeight(); row++) {
                int rgb = image.getRGB(column, row);
                if ((rgb & 0xff) - (rgb >> 16 & 0xff) > 80) {
                    columns.add(column);
                    break;
                }
            }
        }
        int left = columns.get(0);
        int right = columns.get(columns.size() - 1);
        assertTrue(right - left > 400, "the bars span the plot: " + left + " to " + right);
        // Three bars within 00:00-00:02 at the left, one at 12:00 at the right, nothing between.
        long between = columns.stream().filter(c -> c > left + (right - left) / 50 && c < right - (right - left) / 50).count();
        assertEquals(0, between, "bar pixels between 00:02 and 12:00: " + columns);
    }

    @Test
    void aDuckDbTimeColumnIsSpacedByTime() {
        Path out = tmp.resolve("sql.png");
        Charton.Result r = Charton.run("plot", "--sql", UNEVEN_SQL, "--x", "x", "--y", "y", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertSpacedByTime(Png.decode(out));
    }

    @Test
    void aDuckDbTimetzIsDrawnAtItsUtcTime() throws IOException {
        // 12:00 at UTC+2 is 10:00 UTC; 23:30 at UTC-2 is 01:30 UTC (the next day's, on the same clock).
        String sql = "SELECT * FROM (VALUES (TIMETZ '12:00:00+02', 1), (TIMETZ '23:30:00-02', 2)) AS t(x, y)";
        Path out = tmp.resolve("tz.json");
        Charton.Result r = Charton.run("plot", "--sql", sql, "--x", "x", "--y", "y", "--kind", "scatter",
                "--renderer", "plotly", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode x = JSON.readTree(out.toFile()).path("data").get(0).path("x");
        assertEquals(List.of(90L, 600L), minutesSinceMidnight(x).stream().sorted().toList());
    }

    @Test
    void altairEncodesATemporalXWithTheTimes() throws IOException {
        JsonNode chart = unevenTimesAsJson("altair");
        JsonNode x = chart.path("encoding").path("x");
        assertEquals("temporal", x.path("type").asText(), x.toString());
        assertTrue(x.path("sort").isMissingNode(), "no category order: " + x);
        List<String> values = new ArrayList<>();
        chart.path("datasets").elements().next().forEach(row -> values.add(row.path("x").asText()));
        assertEquals(List.of(0L, 1L, 2L, 720L), minutesSinceMidnight(values));
    }

    @Test
    void plotlyGetsTheTimesOnADateAxis() throws IOException {
        JsonNode figure = unevenTimesAsJson("plotly");
        assertEquals(List.of(0L, 1L, 2L, 720L), minutesSinceMidnight(figure.path("data").get(0).path("x")));
        JsonNode axis = figure.path("layout").path("xaxis");
        assertTrue(!axis.path("type").asText().equals("category"), axis.toString());
        assertEquals("%H:%M", axis.path("tickformatstops").get(2).path("value").asText());
    }

    @Test
    void fiftyThousandTimesAreReducedLikeAnyTimeSeries() throws IOException {
        StringBuilder csv = new StringBuilder("t,v\n");
        for (int i = 0; i < 50_000; i++) {
            int second = (int) ((i * 7919L) % 86_400);
            csv.append(String.format("%02d:%02d:%02d,%d%n", second / 3600, second / 60 % 60, second % 60, i % 97));
        }
        Files.writeString(tmp.resolve("many.csv"), csv);
        Charton.Result r = Charton.run("plot", "many.csv", "--x", "t", "--y", "v", "-o", "many.png")
                .env("CHARTON_TIMINGS", "1").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(50_000, timing(r.stderr(), "rows_read"));
        assertTrue(timing(r.stderr(), "rows_sent") <= 4 * 800, r.stderr());  // M4: at most 4 rows per pixel column
        assertEquals(800, Png.decode(tmp.resolve("many.png")).getWidth());
    }

    /**
     * The line's pixels (blue well above red: matplotlib's and seaborn's first colour) from its left
     * end (00:00, y 0) to its right end (12:00, y 3): 1% of the way across, the line has already risen
     * to y 2 (00:02 is 0.3% of the way), where evenly spaced categories would have it near y 0.
     */
    private static void assertSpacedByTime(BufferedImage image) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        int[] top = new int[image.getWidth()];
        int[] bottom = new int[image.getWidth()];
        for (int column = 0; column < image.getWidth(); column++) {
            top[column] = -1;
            for (int row = 0; row < image.getHeight(); row++) {
                int rgb = image.getRGB(column, row);
                int red = rgb >> 16 & 0xff;
                int blue = rgb & 0xff;
                if (blue - red > 80) {
                    if (top[column] < 0) {
                        top[column] = row;
                    }
                    bottom[column] = row;
                    left = Math.min(left, column);
                    right = Math.max(right, column);
                }
            }
        }
        assertTrue(right - left > 400, "the line spans the plot: " + left + " to " + right);
        double yZero = bottom[left];
        double yThree = top[right];
        double yAtOnePercent = top[left + (right - left) / 100];
        double level = (yZero - yAtOnePercent) / (yZero - yThree) * 3;
        assertTrue(level > 1.8 && level < 2.2, "y at 1% of the way from 00:00 to 12:00: " + level);
        double halfWay = top[(left + right) / 2];
        double levelHalfWay = (yZero - halfWay) / (yZero - yThree) * 3;
        assertTrue(levelHalfWay > 2.4 && levelHalfWay < 2.6, "y half way (06:01): " + levelHalfWay);
    }

    /** The uneven times of {@link #UNEVEN} drawn by {@code renderer} as its JSON, once charton exited 0. */
    private JsonNode unevenTimesAsJson(String renderer) throws IOException {
        Files.writeString(tmp.resolve("t.csv"), UNEVEN);
        Charton.Result r = Charton.run("plot", "t.csv", "--x", "x", "--y", "y", "--renderer", renderer,
                "-o", "t.json").in(tmp).go();
        assertEquals(0, r.exitCode(), r.toString());
        return JSON.readTree(tmp.resolve("t.json").toFile());
    }

    private static List<Long> minutesSinceMidnight(JsonNode isoTimes) {
        List<String> texts = new ArrayList<>();
        isoTimes.forEach(v -> texts.add(v.asText()));
        return minutesSinceMidnight(texts);
    }

    private static List<Long> minutesSinceMidnight(List<String> isoTimes) {
        List<Long> minutes = new ArrayList<>();
        for (String text : isoTimes) {
            LocalDateTime time = LocalDateTime.parse(text);
            assertEquals("1970-01-01", time.toLocalDate().toString(), text);
            minutes.add(time.toLocalTime().toSecondOfDay() / 60L);
        }
        return minutes;
    }

    private static long timing(String stderr, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(stderr);
        assertTrue(m.find(), key + " in " + stderr);
        return Long.parseLong(m.group(1));
    }
}
