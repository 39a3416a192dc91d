package dev.charton.shell;

import picocli.CommandLine.Command;

/** {@code schema}: the columns of the loaded data and their types. */
@Command(name = "schema", description = "Show the columns of the loaded data and their Arrow types.")
final class ShellSchemaCommand implements Runnable {
    private final Shell shell;

    ShellSchemaCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        shell.console().print(shell.session().schema());
    }
}
