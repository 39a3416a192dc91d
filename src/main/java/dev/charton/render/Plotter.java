package dev.charton.render;

import dev.charton.bridge.ArrowStreamSender;
import dev.charton.bridge.PythonSetup;
import dev.charton.bridge.PythonWorker;
import dev.charton.bridge.Timings;
import dev.charton.input.InputSource;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.output.FigureOutput;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.concurrent.CompletableFuture;

/**
 * The whole pipeline for one figure: input reader, Arrow batches, the Python bridge, the renderer,
 * the output file. Python is started first, in the background, so its start and imports overlap
 * with opening and reading the input.
 */
public final class Plotter {
    private final PythonSetup python;

    public Plotter(PythonSetup python) {
        this.python = python;
    }

    public void plot(PlotJob job) {
        InputSource input = job.input();
        FigureOutput output = job.output();
        RenderRequest request = job.request();
        input.checkReadable();
        output.checkWritable();
        CompletableFuture<PythonWorker> starting = python.startWorkerAsync(request.renderer());
        Timings timings = Timings.fromEnvironment();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(input, job.read(), allocator)) {
            timings.mark("input_opened_at");
            try (PythonWorker worker = PythonSetup.await(starting)) {
                timings.mark("worker_ready_at");
                PythonWorker.Rendered rendered = worker.render(request.toHeader(1), out -> {
                    long rows = ArrowStreamSender.send(table, out);
                    timings.mark("input_sent_at");
                    RowsRequired.check(request, input.displayName(), table.root().getSchema().getFields().size(), rows);
                }, job.timeout());
                timings.mark("figure_received_at");
                output.write(rendered.figure());
                timings.mark("written_at");
                timings.report(rendered);
            }
        } finally {
            starting.thenAccept(PythonWorker::close);
        }
    }
}
