package dev.charton.shell;

import dev.charton.lifecycle.Deadline;
import dev.charton.options.SqlOptions;
import dev.charton.options.ReadOptionsMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code load FILE [read options]}: reads a data file, replacing the loaded data. */
@Command(name = "load", description = "Load a CSV, Parquet or Arrow file, or a SQL query's result (--sql, --db),"
        + " replacing the loaded data, with the read options of charton plot.")
final class LoadCommand implements Runnable {
    private final Shell shell;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The data file (none with --sql).")
    String input;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    SqlOptions sql;

    LoadCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        shell.console().print(shell.session().load(sql.table(input, read.toReadOptions(), Deadline.after(null),
                System.err)).summary());
    }
}
