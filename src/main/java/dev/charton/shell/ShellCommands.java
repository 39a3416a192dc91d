package dev.charton.shell;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands of the shell, as a picocli model: parsing, help and completion come from it. */
@Command(name = "",
        synopsisHeading = "",
        customSynopsis = "Commands of charton shell ('help COMMAND' shows one; Tab completes names, options,"
                + " columns and files):",
        commandListHeading = "")
final class ShellCommands implements Runnable {
    @Override
    public void run() {
        // An empty line never gets here; a word that is no command is a usage error.
    }

    /** The commands, run against {@code shell}. */
    static CommandLine model(Shell shell) {
        CommandLine model = new CommandLine(new ShellCommands());
        for (Object command : new Object[] {new LoadCommand(shell), new ShellSchemaCommand(shell), new HeadCommand(shell),
                new ShellPlotCommand(shell), new RendererCommand(shell), new SaveCommand(shell), new PyCommand(shell),
                new CommandLine.HelpCommand(), new QuitCommand(shell)}) {
            model.addSubcommand(command);
        }
        // py takes Python as it is typed: "-1" there is code, not an option.
        model.getSubcommands().get("py").setUnmatchedOptionsArePositionalParams(true);
        return model;
    }
}
