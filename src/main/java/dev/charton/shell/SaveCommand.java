package dev.charton.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code save PATH}: copies the last figure. */
@Command(name = "save", description = "Copy the last figure to PATH (same format).")
final class SaveCommand implements Runnable {
    private final Shell shell;

    @Parameters(index = "0", paramLabel = "PATH", description = "Where to copy it.")
    String path;

    SaveCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        shell.console().print("saved: " + shell.session().save(path));
    }
}
