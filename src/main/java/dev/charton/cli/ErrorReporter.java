package dev.charton.cli;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.protocol.PythonFailure;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr and a documented exit code. Stack traces and Python
 * tracebacks appear only with {@code --verbose}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        boolean verbose = GlobalOptions.verbose();
        if (e instanceof ChartonException ce) {
            if (ce.exitCode() == ExitCode.BROKEN_PIPE && !verbose) {
                return ce.exitCode().code(); // the reader stopped on purpose (| head): nothing to report
            }
            err.println("charton: " + ce.getMessage());
            if (verbose && ce instanceof PythonFailure pf && !pf.traceback().isEmpty()) {
                err.print(pf.traceback());
            }
            if (verbose && ce.getCause() != null) {
                ce.getCause().printStackTrace(err);
            }
            err.flush();
            return ce.exitCode().code();
        }
        err.println("charton: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.SOFTWARE.code();
    }

    /** An Error out of a command: one line as well, with the remedy when Java ran out of memory. */
    static int reportError(Error e, PrintStream err) {
        boolean verbose = GlobalOptions.verbose();
        if (e instanceof OutOfMemoryError) {
            err.println("charton: Java ran out of memory (" + e.getMessage() + "); give it more with"
                    + " CHARTON_JAVA_OPTS=-Xmx4g (by default Java takes a quarter of the RAM)");
        } else {
            err.println("charton: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.SOFTWARE.code();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("charton: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
