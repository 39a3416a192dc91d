package dev.charton.input.csv;

import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import dev.charton.testing.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV options end to end: the real launcher, the real Python and matplotlib. Where a PNG could
 * not tell whether an option took effect, the figure is SVG, whose text elements matplotlib marks
 * with comments: the tick labels show what the columns became.
 */
class CsvReadIT {
    private static final Pattern SVG_TEXT = Pattern.compile("<g id=\"text_\\d+\">\\s*<!-- (.*?) -->");

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertDrawn(Charton.Result r, Path png) {
        assertEquals(0, r.exitCode(), r::toString);
        BufferedImage image = Png.decode(png);
        assertEquals(800, image.getWidth());
        assertTrue(Png.distinctColours(image) > 10, "a drawn chart, not a blank canvas");
    }

    /** The texts of an SVG figure (tick labels, axis labels). */
    private static List<String> svgTexts(Path svg) {
        Matcher m;
        try {
            m = SVG_TEXT.matcher(Files.readString(svg));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> texts = new java.util.ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void noHeaderNamesColumnsByPositionAndIsDetected() throws IOException {
        Path csv = write("plain.csv", "1,10\n2,20\n3,15\n");
        Path out = tmp.resolve("fig.png");
        assertDrawn(Charton.run("plot", csv.toString(), "--no-header", "--x", "column_1", "--y", "column_2",
                "-o", out.toString()).go(), out);
        Path detected = tmp.resolve("detected.png");
        assertDrawn(Charton.run("plot", csv.toString(), "--x", "column_1", "--y", "column_2", "-o",
                detected.toString()).go(), detected);
        Charton.Result withHeader = Charton.run("plot", csv.toString(), "--header", "--x", "column_1", "--y",
                "column_2", "-o", tmp.resolve("other.png").toString()).go();
        assertEquals(65, withHeader.exitCode(), "with --header the first row names the columns");
    }

    @Test
    void delimiterOverridesDetection() throws IOException {
        // Detection cannot tell: both ',' and ';' split every line in two. The file means ';'.
        Path csv = write("semi.csv", "year,first;share\n2001,5;1.5\n2002,7;2.5\n2003,1;3.5\n");
        Path out = tmp.resolve("fig.svg");
        Charton.Result r = Charton.run("plot", csv.toString(), "--delimiter", ";", "--x", "year,first", "--y", "share",
                "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(svgTexts(out).contains("share"), () -> "y label in " + svgTexts(out));
    }

    @Test
    void typeOverrideIsAppliedAndChecked() throws IOException {
        Path csv = write("codes.csv", "code,count\n1,5\n2,7\n2.5,1\n");
        Path out = tmp.resolve("fig.png");
        Charton.Result wrong = Charton.run("plot", csv.toString(), "--type", "code=int64", "--x", "code", "--y", "count",
                "-o", out.toString()).go();
        assertEquals(65, wrong.exitCode(), wrong::toString);
        assertOneLine(wrong, "codes.csv:4: column 'code' is int64 by --type, but has '2.5'");
        assertFalse(Files.exists(out));

        Path svg = tmp.resolve("fig.svg");
        Charton.Result asText = Charton.run("plot", csv.toString(), "--type", "code=string", "--x", "code",
                "--y", "count", "-o", svg.toString()).go();
        assertEquals(0, asText.exitCode(), asText::toString);
        assertTrue(svgTexts(svg).containsAll(List.of("1", "2", "2.5")),
                () -> "text codes are categories, each its own tick: " + svgTexts(svg));
    }

    @Test
    void raggedPadFillsMissingFields() throws IOException {
        Path csv = write("ragged.csv", "t,a,b\n1,1.5,2\n2,2.5\n3,3.5,4\n");
        Path out = tmp.resolve("fig.png");
        Charton.Result strict = Charton.run("plot", csv.toString(), "--x", "t", "--y", "a,b", "-o", out.toString()).go();
        assertEquals(65, strict.exitCode(), strict::toString);
        assertOneLine(strict, "ragged.csv:3: expected 3 fields as in the header, found 2");
        assertDrawn(Charton.run("plot", csv.toString(), "--ragged", "pad", "--x", "t", "--y", "a,b",
                "-o", out.toString()).go(), out);
    }

    @Test
    void aLateFloatIn70000RowsIsPlotted() throws IOException {
        StringBuilder csv = new StringBuilder("n,value\n");
        for (int i = 1; i <= 70_000; i++) {
            csv.append(i).append(',').append(i == 65_000 ? "12345.75" : Integer.toString(i % 1000)).append('\n');
        }
        Path file = write("late.csv", csv.toString());
        Path out = tmp.resolve("fig.svg");
        Charton.Result r = Charton.run("plot", file.toString(), "--x", "n", "--y", "value", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        List<String> texts = svgTexts(out);
        // The ticks of the x axis, its label "n", then the ticks of the y axis, its label "value".
        List<String> yTicks = texts.subList(texts.indexOf("n") + 1, texts.indexOf("value"));
        double top = yTicks.stream().mapToDouble(t -> Double.parseDouble(t.replace("\u2212", "-"))).max().orElse(0);
        assertTrue(top >= 10_000, () -> "every other value is below 1000; the y axis must reach 12345.75: " + texts);
    }

    @Test
    void nonIsoDatesOfTheStocksDatasetLoadAsDates() throws IOException {
        Path stocks = Corpora.require("datasets/vega-datasets").resolve("stocks.csv");
        Path out = tmp.resolve("stocks.svg");
        Charton.Result r = Charton.run("plot", stocks.toString(), "--date-format", "MMM d yyyy", "--x", "date",
                "--y", "price", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        List<String> texts = svgTexts(out);
        assertTrue(texts.contains("2004") && texts.size() < 40,
                () -> "a date axis has a few year ticks, a text axis one per value: " + texts);
    }

    @Test
    void aBadCsvIsOneLineWithFileAndLineAndNoOutput() throws IOException {
        Path csv = write("bad.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
        Path out = tmp.resolve("fig.png");
        Charton.Result r = Charton.run("plot", csv.toString(), "--x", "a", "--y", "b", "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r::toString);
        assertOneLine(r, csv + ":3: a quoted field starting on this line is never closed");
        assertFalse(Files.exists(out));
    }

    @Test
    void standardInputCanBeReadAgainWhenALateWordMakesAColumnText() {
        // 'note' is stored as int64 until row 90,000; its earlier texts then come from the copy of stdin.
        StringBuilder csv = new StringBuilder("x,y,note\n");
        for (int i = 0; i < 90_000; i++) {
            csv.append(i).append(',').append(i % 50).append(',').append(i % 3).append('\n');
        }
        csv.append("90000,1,see log\n");
        Charton.Result r = Charton.run("plot", "-", "--x", "x", "--y", "y", "-o", "-")
                .stdin(csv.toString().getBytes(StandardCharsets.UTF_8)).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, Png.decode(r.stdout()).getWidth());
    }

    @Test
    void standardInputErrorsNameTheLine() {
        StringBuilder csv = new StringBuilder("x;y\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append(';').append(i % 7 == 0 ? "NA" : Integer.toString(i % 100)).append('\n');
        }
        csv.append("100000;late text\n");
        Charton.Result r = Charton.run("plot", "-", "--type", "y=float64", "--x", "x", "--y", "y", "-o", "-")
                .stdin(csv.toString().getBytes(StandardCharsets.UTF_8)).go();
        assertEquals(65, r.exitCode(), r::toString);
        assertOneLine(r, "<stdin>:100002: column 'y' is float64 by --type, but has 'late text'");
    }

    private static void assertOneLine(Charton.Result r, String expected) {
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith("charton: ") && lines.get(0).contains(expected),
                () -> "expected '" + expected + "' in: " + lines.get(0));
    }
}
