package dev.charton.cli;

import dev.charton.batch.BatchRunner;
import dev.charton.batch.BatchSettings;
import dev.charton.batch.BatchSpecReader;
import dev.charton.batch.DatasetRead;
import dev.charton.batch.OptionModel;
import dev.charton.lifecycle.Deadline;
import dev.charton.options.PythonOptions;
import dev.charton.options.ReadOptionsMixin;
import dev.charton.options.SqlOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code charton batch}: reads a spec with plot's own option model and hands it to the {@link BatchRunner}. */
@Command(name = BatchCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Render every chart of a report spec (YAML or JSON) in one run: each dataset is read once,"
                + " charts render on warm Python workers in parallel.",
                "The spec lists datasets (path and read options) and charts (dataset, output and any plot option"
                        + " by its long name: x: date, y: [a, b], log-y: true). Paths are relative to the spec.",
                "  datasets: {weather: weather.csv}",
                "  charts:",
                "    temps: {dataset: weather, x: date, y: [temp_max, temp_min], output: t.png}",
                "Exit code: 0 when every chart has its figure, else that of the first failed chart in the spec;"
                        + " 64 for a bad spec (nothing is rendered)."},
        footerHeading = "%nExamples:%n",
        footer = {"  charton batch report.yaml",
                "  charton batch report.yaml --jobs 4 --fail-fast",
                "  charton batch report.yaml --index charts/index.html",
                "  charton batch report.yaml --incremental --index report.md",
                "  charton batch report.json --python .venv/bin/python"})
final class BatchCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "batch";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The batch spec: a YAML or JSON file.")
    String specFile;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Charts rendered at once, each on a warm Python worker (default: the number of cores).")
    Integer jobs;

    @Option(names = "--fail-fast", description = "Start no more charts once one has failed.")
    boolean failFast;

    @Option(names = "--incremental",
            description = "Render only charts whose data, options, script or template changed since the last run"
                    + " (fingerprints kept in .charton-batch.json beside the outputs).")
    boolean incremental;

    @Option(names = "--index", paramLabel = "FILE",
            description = "Write a page showing every figure with its title: Markdown (.md) or HTML (.html).")
    String index;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + workers);
        }
        BatchSpecReader reader = specReader(pythonArguments());
        BatchSettings settings = new BatchSettings(workers, failFast, incremental, index == null ? null : Path.of(index),
                GlobalOptions.verbose());
        return new BatchRunner(settings, System.err).run(reader.read(Path.of(specFile)));
    }

    /** Reads specs whose charts take plot's options and whose datasets take its read options. */
    static BatchSpecReader specReader(List<String> chartBaseArguments) {
        return new BatchSpecReader(
                new OptionModel<>(() -> new CommandLine(new PlotCommand()), cli -> ((PlotCommand) cli.getCommand()).job()),
                new OptionModel<>(() -> new CommandLine(new DatasetOptions()), cli -> ((DatasetOptions) cli.getCommand()).toDatasetRead()),
                chartBaseArguments);
    }

    /** --python, --timeout and --memory-limit given to batch apply to every chart that does not set its own. */
    private List<String> pythonArguments() {
        List<String> arguments = new ArrayList<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (String name : List.of("--python", "--timeout", "--memory-limit")) {
            if (parsed.hasMatchedOption(name)) {
                arguments.add(name + "=" + parsed.matchedOption(name).stringValues().get(0));
            }
        }
        return arguments;
    }

    /** A dataset entry of a spec: its file and the read options plot has, or plot's SQL options. */
    @Command(name = "dataset")
    static final class DatasetOptions {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        String path;

        @Mixin
        ReadOptionsMixin read;

        @Mixin
        SqlOptions sql;

        /** Where the spec is: the embedded DuckDB finds a query's relative paths there (set by the reader, not a key). */
        @Option(names = "--spec-directory", hidden = true)
        Path specDirectory;

        DatasetRead toDatasetRead() {
            return new DatasetRead(sql.table(path, read.toReadOptions(), Deadline.after(null), System.err, specDirectory));
        }
    }
}
