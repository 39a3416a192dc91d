package dev.charton.batch;

import dev.charton.testing.Charton;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch chart with a wrong column and a format its renderer may not write is told about the
 * column; a chart whose output names no format gets one its renderer writes.
 */
class BatchFormatsIT {
    @TempDir
    Path tmp;

    @Test
    void aWrongColumnIsReportedBeforeTheFormat() throws IOException {
        Files.copy(Repo.example("weather.csv"), tmp.resolve("weather.csv"));
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets:
                  weather: weather.csv
                charts:
                  wind:
                    x: nope
                    y: wind
                    renderer: plotly
                    output: wind.png
                """);
        Charton.Result r = Charton.run("batch", "report.yaml").in(tmp).go();
        assertEquals(65, r.exitCode(), r::toString);
        assertEquals(List.of("charton: chart 'wind': --x: " + tmp.resolve("weather.csv")
                        + ": no column named 'nope' (available: date, temp_max, temp_min, precipitation, wind, weather)"),
                r.chartonLines());
        assertFalse(Files.exists(tmp.resolve("wind.png")));
    }

    @Test
    void anOutputWithoutAnExtensionGetsAFormatItsRendererWrites() throws IOException {
        Files.copy(Repo.example("weather.csv"), tmp.resolve("weather.csv"));
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets:
                  weather: weather.csv
                charts:
                  interactive:
                    x: date
                    y: wind
                    renderer: plotly
                    output: charts/interactive
                  still:
                    x: date
                    y: wind
                    output: charts/still
                """);
        Charton.Result r = Charton.run("batch", "report.yaml").in(tmp).go();
        assertEquals(0, r.exitCode(), r::toString);
        String html = Files.readString(tmp.resolve("charts/interactive"));
        assertTrue(html.contains("<html") && html.contains("Plotly.newPlot"), "plotly's HTML: " + html.substring(0, 200));
        byte[] png = Files.readAllBytes(tmp.resolve("charts/still"));
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
