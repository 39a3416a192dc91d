import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.reduce.*;
import dev.charton.table.InputTable;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import java.lang.management.ManagementFactory;
import java.util.*;

/**
 * The cost of one reduction alone, in process CPU time (robust on a shared machine), the CPU time
 * of the thread that reduces (the one the batches reach: decoding runs on other threads) and wall
 * time: the first (cold, as the CLI pays it) and RUNS more (warm). CHART: line, scatter (--color
 * category), hist or bar (mean of value per category) over bench/plan/make_table.py's table. The
 * source passes on what the file recorded (Parquet statistics), as the CLI's does, so lines,
 * scatters and histograms take their one-pass paths.
 *
 *   javac -cp target/charton.jar -d /tmp/rt bench/reduce/ReduceTime.java
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseSerialGC [-XX:TieredStopAtLevel=1] \
 *       -cp target/charton.jar:/tmp/rt ReduceTime FILE CHART RUNS
 */
public class ReduceTime {
    public static void main(String[] a) throws Exception {
        InputTable table = new InputTable(InputSource.of(a[0]), ReadOptions.defaults());
        String chart = a[1];
        List<String> cols; ReduceRequest req;
        switch (chart) {
            case "line" -> { cols = List.of("ts", "value"); req = new ReduceRequest(ChartKind.LINE, "ts", List.of("value"), null, null, null, null, 800, 600, 1, 1, false, false); }
            case "scatter" -> { cols = List.of("ts", "value", "category"); req = new ReduceRequest(ChartKind.SCATTER, "ts", List.of("value"), "category", null, null, null, 800, 600, 1, 1, false, false); }
            case "hist" -> { cols = List.of("value"); req = new ReduceRequest(ChartKind.HIST, null, List.of("value"), null, null, null, null, 800, 600, 1, 1, false, false); }
            default -> { cols = List.of("category", "value"); req = new ReduceRequest(ChartKind.BAR, "category", List.of("value"), null, null, "mean", null, 800, 600, 1, 1, false, false); }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        try (RootAllocator allocator = new RootAllocator(); TableReader meta = table.open(cols, allocator)) {
            Schema schema = meta.root().getSchema();
            BatchSource source = new BatchSource() {
                public Schema schema() { return schema; }
                public Optional<dev.charton.input.ColumnRange> recordedRange(String column) { return meta.recordedRange(column); }
                public OptionalLong knownRowCount() { return meta.knownRowCount(); }
                public long scan(BatchConsumer consumer) {
                    long rows = 0;
                    try (TableReader r = table.open(cols, allocator)) {
                        while (r.loadNextBatch()) { rows += r.root().getRowCount(); consumer.accept(r.root(), r.dictionaries()); }
                    }
                    return rows;
                }
            };
            int runs = Integer.parseInt(a[2]);
            for (int i = 0; i <= runs; i++) {
                long c0 = os.getProcessCpuTime(), t0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                try (ReducedTable t = Reductions.of(req).reduce(source, allocator)) {
                    long c1 = os.getProcessCpuTime(), t1 = threads.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                    System.out.println((i == 0 ? "cold" : "warm") + " cpu_ms " + (c1 - c0) / 1_000_000 + " reducing_thread_cpu_ms "
                            + (t1 - t0) / 1_000_000 + " wall_ms " + (w1 - w0) / 1_000_000 + " rows " + t.root().getRowCount());
                }
            }
        }
    }
}
