package dev.charton.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;

/**
 * {@code py [CODE]}: Python against {@code df}, one line after py or a block of lines ended by a
 * line holding only ".". Variables persist from block to block in the session's Python.
 */
@Command(name = "py", description = {"Run Python with df (the loaded data, a pandas DataFrame) and table (pyarrow)"
        + " in scope: the rest of the line, or the lines that follow up to one holding only '.'.",
        "Output and the value of a last expression are shown; variables persist until Python is restarted"
        + " (Ctrl-C during py or plot restarts it)."})
final class PyCommand implements Runnable {
    private final Shell shell;

    @Parameters(arity = "0..*", paramLabel = "CODE", description = "One line of Python (else a block follows).")
    List<String> code;

    PyCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        Console console = shell.console();
        String inline = shell.currentLine().rest();
        Optional<String> block = inline.isEmpty() ? console.readBlock() : Optional.of(inline + "\n");
        if (block.isEmpty()) {
            console.print("(block given up)");
            return;
        }
        Session.PythonRun run = shell.session().python(block.get(), console.width());
        console.print(run.output());
        if (run.raised() != null) {
            throw run.raised();
        }
    }
}
