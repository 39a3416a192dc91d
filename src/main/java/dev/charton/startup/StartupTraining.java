package dev.charton.startup;

import dev.charton.app.Plot;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.Deadline;
import dev.charton.lifecycle.DirectoryTrees;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.FigureJob;
import dev.charton.pipeline.FigurePipeline;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.TemplateDirectories;
import dev.charton.pipeline.Timings;
import dev.charton.pipeline.UserCode;
import dev.charton.python.pool.WorkerPrestart;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.service.ServiceRehearsal;
import dev.charton.python.service.ServiceSettings;
import dev.charton.python.setup.PythonChoice;
import dev.charton.table.ArrowStreamSender;
import dev.charton.table.InputTable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workload the launcher's AppCDS archive is recorded from at build time (see the pom's
 * "startup-archive" step): the classes a typical run loads, without Python. It prints every command's
 * help and version, starts Python and the slow static set-up the way {@code charton plot} does before
 * parsing its options (Python when an interpreter is already set up; nothing is installed), reads
 * each input into Arrow and streams it nowhere, and runs {@code schema} on it when that command exists.
 */
public final class StartupTraining {
    /**
     * The charts drawn from each input: the one a plain {@code charton plot FILE} chooses, and a
     * scatter over the row numbers, reduced to the pixel grid.
     */
    private static final List<ChartSpec> TRAINED_CHARTS = List.of(ChartSpec.defaults(), chart("scatter", null, List.of()));

    /**
     * The interpreter named to the stand-in service's commands: it is never run, as the stand-in
     * serves them, and were it run it would exit at once without greeting.
     */
    private static final Path NEVER_STARTED = Path.of("/bin/false");

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
        Map<String, List<Field>> columns = new HashMap<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String input : inputs) {
                try (TableReader table = TableReaders.open(InputSource.of(input), ReadOptions.defaults(), allocator)) {
                    columns.put(input, table.root().getSchema().getFields());
                    ArrowStreamSender.send(table, OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (String input : inputs) {
            TRAINED_CHARTS.forEach(spec -> planAndReduce(input, spec));
        }
        WorkerPrestart.discard();
        inputs.forEach(input -> drawThroughAService(input, columns.get(input)));
        CommandLine fresh = commands.get();
        if (fresh.getSubcommands().containsKey("schema")) {
            fresh.setOut(nowhere);
            inputs.forEach(input -> fresh.execute("schema", input));
        }
    }

    /**
     * The figure pipeline of {@code charton plot} on {@code input} with {@code spec} (the plan, the
     * reduction, the Arrow stream of the statistic), its stream sent nowhere instead of to Python.
     */
    private static void planAndReduce(String input, ChartSpec spec) {
        RenderRequest request = new RenderRequest(RenderRequest.DEFAULT_RENDERER, OutputFormat.PNG, spec, UserCode.NONE);
        FigurePipeline.draw(request, new InputTable(InputSource.of(input), ReadOptions.defaults()), (header, data) -> {
            try {
                data.writeTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new PythonWorker.Rendered(header, new byte[0]);
        }, 1, Timings.off());
    }

    /**
     * {@code charton plot INPUT --x FIRST --y NUMBER} (its first column and the first number column
     * after it) as a warm command draws it: through the worker service, here a stand-in that needs
     * no Python ({@link ServiceRehearsal}), into a scratch file. An optimisation only, so a machine
     * where it cannot run (no Unix-domain sockets, say) is told and trains without it.
     */
    private static void drawThroughAService(String input, List<Field> columns) {
        Optional<Field> number = columns.stream().skip(1)
                .filter(f -> f.getDictionary() == null
                        && (f.getType() instanceof ArrowType.Int || f.getType() instanceof ArrowType.FloatingPoint))
                .findFirst();
        if (number.isEmpty()) {
            return;
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("charton-training");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("XDG_RUNTIME_DIR", scratch.toString());
            env.put(ServiceSettings.VARIABLE, "60");
            env = TemplateDirectories.environment(List.of(), env);
            PythonChoice python = new PythonChoice(NEVER_STARTED.toString(), env);
            Path templates = python.setup().launcher(RenderRequest.DEFAULT_RENDERER).templates();
            ChartSpec spec = chart(null, columns.get(0).getName(), List.of(number.get().getName()));
            RenderRequest request = RenderRequest.of(RenderRequest.DEFAULT_RENDERER, OutputFormat.PNG, spec,
                    UserCode.NONE, env);
            try (ServiceRehearsal service = ServiceRehearsal.listen(NEVER_STARTED, templates,
                    RenderRequest.DEFAULT_RENDERER, env)) {
                Plot.run(new FigureJob(new InputTable(InputSource.of(input), ReadOptions.defaults()), request,
                        FigureOutput.of(scratch.resolve("figure.png").toString()), python, Deadline.after(null)));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("charton startup-training: a warm command was not rehearsed (" + e + "): its"
                    + " classes stay out of the start-up archive");
        } finally {
            DirectoryTrees.deleteQuietly(scratch);
        }
    }

    /** A chart of {@code kind} (null: the one the rules choose) with every other option at its default. */
    private static ChartSpec chart(String kind, String x, List<String> y) {
        return new ChartSpec(kind, x, y, null, null, null, null, null, ChartSpec.DEFAULT_WIDTH, ChartSpec.DEFAULT_HEIGHT,
                ChartSpec.DEFAULT_DPI, null, false, false, null, null, ChartSpec.REDUCE_AUTO);
    }

    private static void usage(CommandLine cli, PrintWriter out) {
        cli.usage(out);
        cli.getSubcommands().values().forEach(sub -> usage(sub, out));
    }
}
