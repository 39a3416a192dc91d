package dev.charton.cli;

import dev.charton.app.TableExport;
import dev.charton.lifecycle.Deadline;
import dev.charton.options.ReadOptionsMixin;
import dev.charton.options.SqlOptions;
import dev.charton.output.OutputTarget;
import dev.charton.table.ArrowIpcWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code charton convert}: writes any input table as an Arrow IPC stream or file. */
@Command(name = ConvertCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Convert a CSV, Parquet or Arrow file or a SQL query's result to Arrow IPC: a stream (.arrows, or -"
                + " for standard output) "
                + "or a file (.arrow, .feather), written atomically.",
        footerHeading = "%nExamples:%n",
        footer = {"  charton convert weather.csv -o weather.arrow",
                "  charton convert big.parquet --columns date,price --limit 1000 -o head.arrows",
                "  charton convert --db jdbc:postgresql://db/s --sql 'TABLE t' -o t.arrow",
                "  curl -s https://example.org/data.parquet | charton convert - -o - | my-tool"})
final class ConvertCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "convert";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The data file, or - for standard input (none with --sql).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write: NAME.arrows (IPC stream), NAME.arrow or NAME.feather (IPC file), or - (stream to standard output).")
    String output;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    SqlOptions sql;

    @Override
    public Integer call() {
        OutputTarget target = OutputTarget.of(output, "Arrow output");
        TableExport.toArrow(sql.table(input, read.toReadOptions(), Deadline.after(null), System.err), target, layout(target));
        return 0;
    }

    private ArrowIpcWriter.Layout layout(OutputTarget target) {
        if (target.isStdout()) {
            return ArrowIpcWriter.Layout.STREAM;
        }
        return target.extension().flatMap(ArrowIpcWriter.Layout::forExtension)
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "cannot tell the Arrow layout of '"
                        + output + "': name it .arrows (IPC stream), .arrow or .feather (IPC file), or use - for standard output"));
    }
}
