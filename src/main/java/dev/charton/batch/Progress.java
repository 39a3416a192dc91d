package dev.charton.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "[12/50] chart-name" on one self-rewriting line while a batch runs, only when stderr is a
 * terminal; messages printed meanwhile (a chart's failure) go on lines of their own above it.
 */
final class Progress {
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream err;
    private final boolean terminal;
    private final int total;
    private int done;
    private String shown = "";

    Progress(PrintStream err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    /** Whether charton's stderr is a terminal (Java 17 can only ask about stdin and stdout together). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    synchronized void finished(String chart) {
        done++;
        if (terminal) {
            shown = "[" + done + "/" + total + "] " + chart;
            err.print(CLEAR_LINE + shown);
            err.flush();
        }
    }

    synchronized void message(String line) {
        if (terminal && !shown.isEmpty()) {
            err.print(CLEAR_LINE);
        }
        err.println(line);
        if (terminal && !shown.isEmpty()) {
            err.print(shown);
        }
        err.flush();
    }

    /** Removes the progress line, before the summary. */
    synchronized void end() {
        if (terminal && !shown.isEmpty()) {
            err.print(CLEAR_LINE);
            err.flush();
            shown = "";
        }
    }
}
