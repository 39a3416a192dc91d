package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.error.Warnings;
import dev.charton.pipeline.FigureJob;
import dev.charton.pipeline.FigurePipeline;
import dev.charton.pipeline.Timings;
import dev.charton.python.pool.WorkerPools;
import dev.charton.python.protocol.PythonFailure;
import dev.charton.table.ArrowSpool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Renders every chart of a checked spec through the figure pipeline: each dataset read once into a
 * spool, each chart planned and reduced from it and drawn on warm Python workers, {@code jobs} at a time, each figure written atomically. A failed chart stops
 * nothing (unless fail-fast); the run ends with a summary on stderr and, if asked, an index page.
 */
public final class BatchRunner {
    private final BatchSettings settings;
    private final PrintStream err;

    public BatchRunner(BatchSettings settings, PrintStream err) {
        this.settings = settings;
        this.err = err;
    }

    /** Returns the exit code: 0 when every chart has its figure, else that of the first failed chart in the spec. */
    public int run(BatchSpec spec) {
        long started = System.nanoTime();
        IndexPage index = settings.index() == null ? null : IndexPage.of(settings.index());
        prepareOutputs(spec);
        Manifests manifests = settings.incremental() ? new Manifests() : null;
        Fingerprints fingerprints = new Fingerprints();
        Map<Chart, String> prints = new HashMap<>();
        Map<Chart, ChartResult> results = new LinkedHashMap<>();
        List<Chart> stale = new ArrayList<>();
        for (Chart chart : spec.charts()) {
            if (manifests != null) {
                prints.put(chart, fingerprints.of(chart));
                if (manifests.upToDate(chart.output(), prints.get(chart))) {
                    results.put(chart, ChartResult.upToDate(chart));
                    continue;
                }
            }
            results.put(chart, null);
            stale.add(chart);
        }
        if (!stale.isEmpty()) {
            render(stale).forEach(r -> results.put(r.chart(), r));
        }
        if (manifests != null) {
            results.values().forEach(r -> {
                if (r.status() == ChartResult.Status.RENDERED) {
                    manifests.record(r.chart().output(), prints.get(r.chart()));
                } else if (r.status() == ChartResult.Status.FAILED) {
                    manifests.forget(r.chart().output());
                }
            });
            manifests.save();
        }
        List<ChartResult> all = List.copyOf(results.values());
        Summary.print(err, all, (System.nanoTime() - started) / 1_000_000);
        if (index != null) {
            index.write(spec.title() != null ? spec.title() : "Charts of " + spec.file().getFileName(), all);
        }
        return all.stream().filter(r -> r.failure() != null).findFirst()
                .map(r -> r.failure().exitCode().code()).orElse(ExitCode.OK.code());
    }

    /** Creates missing output directories and checks every output can be written, before anything runs. */
    private static void prepareOutputs(BatchSpec spec) {
        SpecProblems problems = new SpecProblems(spec.file().toString());
        for (Chart chart : spec.charts()) {
            try {
                Files.createDirectories(chart.output().getParent());
                chart.job().output().checkWritable();
            } catch (IOException e) {
                problems.add(chart.line(), ExitCode.CANT_CREATE, "chart '" + chart.name() + "': cannot create the directory "
                        + chart.output().getParent() + ": " + e.getMessage());
            } catch (ChartonException e) {
                problems.add(chart.line(), e.exitCode(), "chart '" + chart.name() + "': " + e.getMessage());
            }
        }
        problems.throwIfAny();
    }

    private List<ChartResult> render(List<Chart> charts) {
        Progress progress = new Progress(err, Progress.stderrIsTerminal(), charts.size());
        AtomicBoolean stop = new AtomicBoolean();
        Map<BatchDataset, ArrowSpool> spools = new HashMap<>();
        Map<BatchDataset, ChartonException> unreadable = new HashMap<>();
        try (WorkerPools pools = new WorkerPools(settings.jobs())) {
            pools.warmUp(charts.stream().collect(Collectors.groupingBy(c -> c.job().python(), LinkedHashMap::new,
                    Collectors.mapping(c -> c.job().request().renderer(), Collectors.toList()))));
            for (BatchDataset dataset : new LinkedHashSet<>(charts.stream().map(Chart::dataset).toList())) {
                if (stop.get()) {
                    break;
                }
                try {
                    spools.put(dataset, ArrowSpool.read(dataset.read().table()));
                } catch (ChartonException e) {
                    unreadable.put(dataset, e);
                    if (settings.failFast()) {
                        stop.set(true);
                    }
                }
            }
            pools.awaitInterpreters();
            return renderAll(charts, new ChartRender(pools, spools, unreadable, stop, progress));
        } finally {
            spools.values().forEach(ArrowSpool::close);
            progress.end();
        }
    }

    /** {@code jobs} threads take the charts in spec order, one at a time, until none is left. */
    private List<ChartResult> renderAll(List<Chart> charts, ChartRender render) {
        ChartResult[] results = new ChartResult[charts.size()];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.jobs(), charts.size()); i++) {
            Thread thread = new Thread(() -> {
                for (int k = next.getAndIncrement(); k < results.length; k = next.getAndIncrement()) {
                    results[k] = render.render(charts.get(k), k + 1);
                }
            }, "charton-batch-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartonException(ExitCode.INTERRUPTED, "interrupted");
        }
        return Arrays.asList(results);
    }

    /** One chart on a worker: its dataset's bytes in, its figure out to its file. */
    private final class ChartRender {
        private final WorkerPools pools;
        private final Map<BatchDataset, ArrowSpool> spools;
        private final Map<BatchDataset, ChartonException> unreadable;
        private final AtomicBoolean stop;
        private final Progress progress;

        ChartRender(WorkerPools pools, Map<BatchDataset, ArrowSpool> spools, Map<BatchDataset, ChartonException> unreadable,
                    AtomicBoolean stop, Progress progress) {
            this.pools = pools;
            this.spools = spools;
            this.unreadable = unreadable;
            this.stop = stop;
            this.progress = progress;
        }

        ChartResult render(Chart chart, long id) {
            if (stop.get()) {
                return ChartResult.skipped(chart);
            }
            long started = System.nanoTime();
            ChartResult result;
            try {
                FigureJob job = chart.job();
                FigurePipeline.Drawn drawn = FigurePipeline.draw(job.request(), spool(chart.dataset()),
                        (header, data) -> pools.render(job.python(), header, data, job.timeout()), id, Timings.off());
                job.output().write(drawn.figure());
                Warnings.line(drawn.warning() == null ? null : "chart '" + chart.name() + "': " + drawn.warning())
                        .ifPresent(progress::message);
                result = ChartResult.rendered(chart, millisSince(started));
            } catch (ChartonException e) {
                result = ChartResult.failed(chart, millisSince(started), e);
            } catch (RuntimeException e) {
                result = ChartResult.failed(chart, millisSince(started),
                        new ChartonException(ExitCode.SOFTWARE, "internal error: " + e, e));
            }
            if (result.failure() != null) {
                if (settings.failFast()) {
                    stop.set(true);
                }
                report(chart, result.failure());
            }
            progress.finished(chart.name());
            return result;
        }

        private ArrowSpool spool(BatchDataset dataset) {
            ChartonException failure = unreadable.get(dataset);
            if (failure != null) {
                throw new ChartonException(failure.exitCode(), "dataset '" + dataset.name() + "': " + failure.getMessage(), failure);
            }
            return spools.get(dataset);
        }

        private void report(Chart chart, ChartonException failure) {
            StringBuilder text = new StringBuilder("charton: chart '" + chart.name() + "': " + failure.getMessage());
            if (settings.verbose()) {
                Throwable cause = failure.getCause() instanceof ChartonException inner ? inner : failure;
                if (cause instanceof PythonFailure python && !python.traceback().isEmpty()) {
                    text.append(System.lineSeparator()).append(python.traceback().stripTrailing());
                }
                if (cause.getCause() != null) {
                    StringWriter trace = new StringWriter();
                    cause.getCause().printStackTrace(new PrintWriter(trace));
                    text.append(System.lineSeparator()).append(trace.toString().stripTrailing());
                }
            }
            progress.message(text.toString());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
