package dev.charton.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;

/** The top-level {@code charton} command: only a parent for the subcommands. */
@Command(name = "charton",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turn data files (CSV, Parquet, Arrow) into figures with Python's plotting libraries.",
        footerHeading = "%nExamples:%n",
        footer = {"  charton plot weather.csv --x date --y temp_max -o weather.png",
                "  cat data.csv | charton plot - --x a --y b -o - > fig.png"})
public final class ChartonCommand implements Runnable {
    /** The subcommands, in the order help lists them (Main adds them: see Main#commandLine). */
    static final List<Class<?>> SUBCOMMANDS = List.of(PlotCommand.class, BatchCommand.class, ShellCommand.class,
            SchemaCommand.class, ConvertCommand.class, TemplatesCommand.class, DoctorCommand.class, DaemonCommand.class,
            CommandLine.HelpCommand.class, StartupTrainingCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Mixin
    WarningOptions warnings;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'charton plot FILE ...'");
    }
}
