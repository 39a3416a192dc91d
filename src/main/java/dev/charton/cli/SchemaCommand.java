package dev.charton.cli;

import dev.charton.app.SchemaInspector;
import dev.charton.app.TableSchema;
import dev.charton.lifecycle.Deadline;
import dev.charton.options.ReadOptionsMixin;
import dev.charton.options.SqlOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code charton schema}: prints the columns, their Arrow types and the row count of a table. */
@Command(name = SchemaCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show the columns (Arrow type, nullability) and row count of a CSV, Parquet or Arrow file or of a"
                + " SQL query's result; "
                + "for CSV also what type inference decided and why.",
        footerHeading = "%nExamples:%n",
        footer = {"  charton schema weather.csv",
                "  charton schema data.parquet --json | jq -r '.columns[].type'",
                "  charton schema --sql \"SELECT * FROM 'trips/*.parquet'\"",
                "  cat data.arrows | charton schema -"})
final class SchemaCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "schema";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The data file, or - for standard input (none with --sql).")
    String input;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    SqlOptions sql;

    @Override
    public Integer call() {
        TableSchema schema = SchemaInspector.inspect(sql.table(input, read.toReadOptions(), Deadline.after(null), System.err));
        spec.commandLine().getOut().print(json ? schema.toJson() : schema.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
