package dev.charton.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code head [N]}: the first rows, as pandas shows them. */
@Command(name = "head", description = "Show the first N rows of the loaded data, as pandas prints them.")
final class HeadCommand implements Runnable {
    private final Shell shell;

    @Parameters(index = "0", arity = "0..1", paramLabel = "N", defaultValue = "10",
            description = "How many rows (default: ${DEFAULT-VALUE}).")
    int rows;

    HeadCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        shell.console().print(shell.session().head(rows, shell.console().width()));
    }
}
