package dev.charton.cli;

import dev.charton.bridge.WorkerPrestart;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps every failure to one line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        WorkerPrestart.begin(args); // Python's start overlaps the JVM's parsing of the options
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ChartonCommand());
        ErrorReporter reporter = new ErrorReporter();
        cli.setExecutionExceptionHandler(reporter);
        cli.setParameterExceptionHandler(reporter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
