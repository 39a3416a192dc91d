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
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(PlotCommand.NAME, PlotCommand.class),
            new Subcommand(BatchCommand.NAME, BatchCommand.class),
            new Subcommand(ShellCommand.NAME, ShellCommand.class),
            new Subcommand(SchemaCommand.NAME, SchemaCommand.class),
            new Subcommand(ConvertCommand.NAME, ConvertCommand.class),
            new Subcommand(TemplatesCommand.NAME, TemplatesCommand.class),
            new Subcommand(DoctorCommand.NAME, DoctorCommand.class),
            new Subcommand(DaemonCommand.NAME, DaemonCommand.class),
            new Subcommand(null, CommandLine.HelpCommand.class),
            new Subcommand(StartupTrainingCommand.NAME, StartupTrainingCommand.class));

    /**
     * A subcommand and the name that runs it alone, null for one that needs the others (help). The
     * names are the commands' constants, read without parsing any command's annotations (picocli
     * reads those of the one command it builds).
     */
    record Subcommand(String name, Class<?> type) {
    }

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
