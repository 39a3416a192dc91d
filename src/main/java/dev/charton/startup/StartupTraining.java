package dev.charton.startup;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.FigurePipeline;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.Timings;
import dev.charton.pipeline.UserCode;
import dev.charton.python.pool.WorkerPrestart;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.table.ArrowStreamSender;
import dev.charton.table.InputTable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Supplier;

/**
 * The workload the launcher's AppCDS archive is recorded from at build time (see the pom's
 * "startup-archive" step): the classes a typical run loads, without Python. It prints every command's
 * help and version, starts Python and the slow static set-up the way {@code charton plot} does before
 * parsing its options (Python when an interpreter is already set up; nothing is installed), reads
 * each input into Arrow and streams it nowhere, and runs {@code schema} on it when that command exists.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void run(Supplier<CommandLine> commands, List<String> inputs) {
        if (!inputs.isEmpty()) {
            WorkerPrestart.begin(null, RenderRequest.DEFAULT_RENDERER, null);
            SlowStatics.beginInBackground();
        }
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        CommandLine root = commands.get();
        root.printVersionHelp(nowhere);
        usage(root, nowhere);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String input : inputs) {
                try (TableReader table = TableReaders.open(InputSource.of(input), ReadOptions.defaults(), allocator)) {
                    ArrowStreamSender.send(table, OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        inputs.forEach(StartupTraining::planAndReduce);
        WorkerPrestart.discard();
        CommandLine fresh = commands.get();
        if (fresh.getSubcommands().containsKey("schema")) {
            fresh.setOut(nowhere);
            inputs.forEach(input -> fresh.execute("schema", input));
        }
    }

    /**
     * The figure pipeline of a plain {@code charton plot} on {@code input} (the plan, the reduction,
     * the Arrow stream of the statistic), its stream sent nowhere instead of to Python.
     */
    private static void planAndReduce(String input) {
        RenderRequest request = new RenderRequest(RenderRequest.DEFAULT_RENDERER, OutputFormat.PNG, ChartSpec.defaults(),
                UserCode.NONE);
        FigurePipeline.draw(request, new InputTable(InputSource.of(input), ReadOptions.defaults()), (header, data) -> {
            try {
                data.writeTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new PythonWorker.Rendered(header, new byte[0]);
        }, 1, Timings.off());
    }

    private static void usage(CommandLine cli, PrintWriter out) {
        cli.usage(out);
        cli.getSubcommands().values().forEach(sub -> usage(sub, out));
    }
}
