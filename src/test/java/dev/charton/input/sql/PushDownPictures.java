package dev.charton.input.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.pipeline.ReducedFiguresIT;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart of a query drawn three ways: reduced in the engine (--reduce auto), from every row the
 * query returns (--reduce none), and reduced in Java from the query's result exported to a file.
 * Engine and Java must draw the same picture (up to rows tied on x or y: 0.5% of the pixels), which
 * differs from every row's only as much as Java's M4 does (along the antialiased lines' edges,
 * ReducedFiguresIT), and far fewer rows must leave the engine.
 */
final class PushDownPictures {
    private PushDownPictures() {
    }

    static void assertSamePicture(Path tmp, List<String> source, String chart, long rows, UnaryOperator<Charton> env)
            throws IOException {
        Charton.Result pushed = draw(tmp, source, chart, "auto", env);
        Charton.Result all = draw(tmp, source, chart, "none", env);
        List<String> export = new ArrayList<>(List.of("convert"));
        export.addAll(source);
        export.addAll(List.of("-o", tmp.resolve("result.arrow").toString()));
        Charton.Result exported = env.apply(Charton.run(export.toArray(String[]::new))).go();
        assertEquals(0, exported.exitCode(), exported.toString());
        draw(tmp, List.of(tmp.resolve("result.arrow").toString()), chart, "java", env);
        JsonNode engine = ReducedFiguresIT.timings(pushed).path("java");
        assertEquals(rows, engine.path("rows_read").asLong(), engine.toString());
        assertTrue(engine.path("query").asText().contains("GROUP BY"), "the SQL sent: " + engine);
        long fetched = engine.path("rows_fetched").asLong();
        assertTrue(fetched > 0 && fetched < rows / 10, "rows that left the engine: " + fetched);
        assertEquals(rows, ReducedFiguresIT.timings(all).path("java").path("rows_sent").asLong());
        BufferedImage engineM4 = Png.decode(tmp.resolve("auto.png"));
        BufferedImage javaM4 = Png.decode(tmp.resolve("java.png"));
        BufferedImage everyRow = Png.decode(tmp.resolve("none.png"));
        double engineVsJava = Png.differingShare(engineM4, javaM4, 16);
        assertTrue(engineVsJava <= 0.005, chart + ": engine and Java differ on " + engineVsJava + " of the pixels");
        double engineVsAll = Png.differingShare(engineM4, everyRow, 16);
        double javaVsAll = Png.differingShare(javaM4, everyRow, 16);
        assertTrue(engineVsAll <= javaVsAll + 0.005, chart + ": against every row, the engine's M4 differs on "
                + engineVsAll + " of the pixels, Java's on " + javaVsAll);
    }

    private static Charton.Result draw(Path tmp, List<String> source, String chart, String reduce,
                                       UnaryOperator<Charton> env) {
        List<String> args = new ArrayList<>(List.of("plot"));
        args.addAll(source);
        args.addAll(List.of(chart.split(" ")));
        args.addAll(List.of("--reduce", reduce.equals("none") ? "none" : "auto", "-o", tmp.resolve(reduce + ".png").toString()));
        Charton.Result r = env.apply(Charton.run(args.toArray(String[]::new)).env("CHARTON_TIMINGS", "1")).go();
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }
}
