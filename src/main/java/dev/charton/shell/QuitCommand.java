package dev.charton.shell;

import picocli.CommandLine.Command;

/** {@code quit}: ends the shell (so does Ctrl-D). */
@Command(name = "quit", aliases = "exit", description = "Leave the shell (Ctrl-D does too).")
final class QuitCommand implements Runnable {
    private final Shell shell;

    QuitCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        shell.quit();
    }
}
