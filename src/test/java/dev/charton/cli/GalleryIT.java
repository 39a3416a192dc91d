package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gallery (docs/gallery) as reference images: each matplotlib and seaborn figure of
 * docs/gallery/make_gallery.sh, drawn again by the real launcher, must look like the committed one.
 * Tolerance: at most 1% of the pixels may differ by more than 16 levels in a channel, which the
 * anti-aliasing of another FreeType or matplotlib patch release stays within and a change of colour,
 * layout or labels does not. When a change of look is meant, regenerate the gallery with
 * make_gallery.sh and commit the images, so the change is seen in review.
 */
class GalleryIT {
    private static final double TOLERANCE = 0.01;
    private static final int LEVELS = 16;
    private static final Path GALLERY = Repo.root().resolve("docs/gallery");
    /** A chart of make_gallery.sh: {@code "kind|$data|options"}. */
    private static final Pattern CHART = Pattern.compile("^\\s*\"(\\w+)\\|\\$(\\w+)\\|([^\"]*)\"\\s*$");

    @TempDir
    Path tmp;

    record Chart(String kind, String data, List<String> options) {
    }

    static List<Chart> charts() throws IOException {
        List<Chart> charts = new ArrayList<>();
        for (String line : Files.readAllLines(GALLERY.resolve("make_gallery.sh"))) {
            Matcher m = CHART.matcher(line);
            if (m.matches()) {
                List<String> options = Arrays.stream(m.group(3).split(" ")).map(o -> o.replace('~', ' ')).toList();
                charts.add(new Chart(m.group(1), m.group(2) + ".csv", options));
            }
        }
        return charts;
    }

    @Test
    void theScriptListsEveryKind() throws IOException {
        assertEquals(List.of("line", "scatter", "bar", "hist", "area", "box", "heatmap"),
                charts().stream().map(Chart::kind).toList());
    }

    @TestFactory
    Stream<DynamicTest> figuresLookLikeTheCommittedOnes() throws IOException {
        return charts().stream().flatMap(chart -> Stream.of("matplotlib", "seaborn").map(renderer ->
                DynamicTest.dynamicTest(renderer + " " + chart.kind(), () -> compare(renderer, chart))));
    }

    private void compare(String renderer, Chart chart) {
        Path out = tmp.resolve(renderer + "-" + chart.kind() + ".png");
        List<String> args = new ArrayList<>(List.of("plot", Repo.example(chart.data()).toString(), "--renderer", renderer,
                "--kind", chart.kind(), "--width", "480", "--height", "320"));
        args.addAll(chart.options());
        args.addAll(List.of("-o", out.toString()));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).go();
        assertEquals(0, r.exitCode(), r.toString());
        BufferedImage drawn = Png.decode(out);
        BufferedImage reference = Png.decode(GALLERY.resolve(out.getFileName()));
        double differing = Png.differingShare(drawn, reference, LEVELS);
        assertTrue(differing <= TOLERANCE, out.getFileName() + ": " + Math.round(differing * 1000) / 10.0
                + "% of the pixels differ from docs/gallery's by more than " + LEVELS + " levels (at most "
                + TOLERANCE * 100 + "%); if the new look is meant, run docs/gallery/make_gallery.sh and commit");
    }
}
