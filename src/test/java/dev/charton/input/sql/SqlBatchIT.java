package dev.charton.input.sql;

import dev.charton.testing.BatchSummary;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch datasets that are queries: read once for their charts, relative paths from the spec, --incremental. */
class SqlBatchIT {
    @TempDir
    Path tmp;

    @Test
    void aQueryDatasetFeedsItsChartsAndCountsAsUnchangedWhileItsResultIs() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("sales-1.csv"), "day,region,amount\n2024-01-01,north,10\n2024-01-02,south,20\n");
        Files.writeString(project.resolve("sales-2.csv"), "day,region,amount\n2024-01-03,north,30\n");
        Files.writeString(project.resolve("report.yaml"), """
                datasets:
                  sales:
                    sql: SELECT day, region, amount FROM 'sales-*.csv' ORDER BY day
                charts:
                  by-day: {dataset: sales, x: day, y: amount, output: charts/by-day.png}
                  by-region: {dataset: sales, kind: bar, x: region, y: amount, agg: sum, output: charts/by-region.png}
                """);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        assertEquals(Map.of("by-day", "rendered", "by-region", "rendered"), incremental(project, elsewhere));
        assertTrue(Png.distinctColours(Png.decode(project.resolve("charts/by-region.png"))) > 2);
        assertEquals(Map.of("by-day", "up to date", "by-region", "up to date"), incremental(project, elsewhere),
                "the query ran and its result is the same");

        Files.writeString(project.resolve("sales-2.csv"), "2024-01-04,south,5\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(Map.of("by-day", "rendered", "by-region", "rendered"), incremental(project, elsewhere),
                "the query's result changed");
    }

    @Test
    void aChartCannotSayHowToReadItsData() throws IOException {
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets:
                  numbers: {sql: "SELECT 1 AS a"}
                charts:
                  one: {dataset: numbers, x: a, sql: "SELECT 2 AS a", output: one.png}
                """);
        Charton.Result r = Charton.run("batch", tmp.resolve("report.yaml").toString()).go();
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("'sql' says how to read the data: set it on the dataset"), r.stderr());
    }

    private static Map<String, String> incremental(Path project, Path workingDirectory) {
        Charton.Result r = Charton.run("batch", project.resolve("report.yaml").toString(), "--incremental")
                .in(workingDirectory).go();
        assertEquals(0, r.exitCode(), r.toString());
        return BatchSummary.statuses(r);
    }
}
