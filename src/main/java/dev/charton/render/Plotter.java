package dev.charton.render;

import dev.charton.bridge.ArrowStreamSender;
import dev.charton.bridge.PythonSetup;
import dev.charton.bridge.PythonWorker;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.output.FigureOutput;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.time.Duration;

/**
 * The whole pipeline for one figure: input reader, Arrow batches, the Python bridge, the renderer,
 * the output file. Python is started first, so its imports overlap with reading the input.
 */
public final class Plotter {
    private final PythonSetup python;

    public Plotter(PythonSetup python) {
        this.python = python;
    }

    public void plot(InputSource input, ReadOptions readOptions, RenderRequest request, FigureOutput output,
                     Duration timeout) {
        input.checkReadable();
        output.checkWritable();
        try (PythonWorker worker = python.startWorker(request.renderer());
             BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(input, readOptions, allocator)) {
            worker.render(request.toHeader(1), out -> ArrowStreamSender.send(table, out),
                    (figure, mediaType) -> output.write(figure), timeout);
        }
    }
}
