package dev.charton.pipeline;

import dev.charton.input.InputSource;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.output.FigureOutput;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import dev.charton.table.ArrowStreamSender;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.concurrent.CompletableFuture;

/**
 * The whole pipeline for one figure: input reader, Arrow batches, the Python bridge, the renderer,
 * the output file. Python is started first, in the background, so its start and imports overlap
 * with opening and reading the input.
 */
public final class FigurePipeline {
    private final PythonSetup python;

    public FigurePipeline(PythonSetup python) {
        this.python = python;
    }

    public void plot(FigureJob job) {
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
