package dev.charton.cli;

import dev.charton.error.ExitCode;
import dev.charton.python.service.WorkerService;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point: builds the command tree and maps every failure to one line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrestartScan.begin(args); // Python's start overlaps the JVM's parsing of the options
        int code;
        try {
            code = run(args);
        } catch (Error e) { // picocli hands on Errors (out of memory above all) untouched
            code = ErrorReporter.reportError(e, System.err);
        }
        if (code == ExitCode.OK.code()) {
            WorkerService.startWaiting(); // after the command: its own start was not slowed down
        }
        System.exit(code);
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
        documentExitCodes(cli);
        cli.getSubcommands().get("help").getCommandSpec().usageMessage().footerHeading("%nExamples:%n")
                .footer("  charton help plot", "  charton help");
        return cli;
    }

    /** Every command's --help lists the exit codes, from the one enum that defines them. */
    private static void documentExitCodes(CommandLine cli) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.format("%3d", code.code()), code.meaning());
        }
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cli.getSubcommands().values().forEach(Main::documentExitCodes);
    }
}
