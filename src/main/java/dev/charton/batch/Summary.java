package dev.charton.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table a batch ends with on stderr: every chart, its status, time and output, then the totals. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream err, List<ChartResult> results, long totalMillis) {
        Path here = Path.of("").toAbsolutePath();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"chart", "status", "time", "output"});
        for (ChartResult r : results) {
            String status = r.status().label() + (r.failure() == null ? "" : " (exit " + r.failure().exitCode().code() + ")");
            boolean ran = r.status() == ChartResult.Status.RENDERED || r.status() == ChartResult.Status.FAILED;
            String time = ran ? seconds(r.millis()) : "-";
            rows.add(new String[]{r.chart().name(), status, time, shown(here, r.chart().output())});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            err.printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %s%n", (Object[]) row);
        }
        Map<ChartResult.Status, Long> counts = results.stream()
                .collect(Collectors.groupingBy(ChartResult::status, Collectors.counting()));
        String totals = Arrays.stream(ChartResult.Status.values())
                .filter(counts::containsKey)
                .map(s -> counts.get(s) + " " + s.label())
                .collect(Collectors.joining(", "));
        err.println("batch: " + results.size() + " charts: " + totals + " in " + seconds(totalMillis));
        err.flush();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** An output path relative to the working directory when it lies below it. */
    private static String shown(Path here, Path output) {
        return output.startsWith(here) ? here.relativize(output).toString() : output.toString();
    }
}
