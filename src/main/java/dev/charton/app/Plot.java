package dev.charton.app;

import dev.charton.error.Warnings;
import dev.charton.pipeline.FigureJob;
import dev.charton.pipeline.FigurePipeline;
import dev.charton.pipeline.Timings;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;

import java.util.concurrent.CompletableFuture;

/**
 * {@code charton plot}: one figure through the pipeline. Python is started first, in the
 * background, so its start and imports overlap opening, reading and reducing the input.
 */
public final class Plot {
    private Plot() {
    }

    public static void run(FigureJob job) {
        job.table().checkReadable();
        job.output().checkWritable();
        CompletableFuture<PythonWorker> starting = job.python().setup().startWorkerAsync(job.request().renderer());
        Timings timings = Timings.fromEnvironment();
        try {
            FigurePipeline.Drawn drawn = FigurePipeline.draw(job.request(), job.table(),
                    (header, data) -> {
                        PythonWorker worker = PythonSetup.await(starting);
                        timings.mark("worker_ready_at");
                        return worker.renderWithin(header, data, job.deadline());
                    }, 1, timings);
            timings.mark("figure_received_at");
            job.output().write(drawn.figure());
            Warnings.line(drawn.warning()).ifPresent(System.err::println);
            timings.mark("written_at");
            timings.report(drawn.rendered());
        } finally {
            starting.thenAccept(PythonWorker::close);
        }
    }
}
