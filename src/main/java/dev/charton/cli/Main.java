package dev.charton.cli;

import dev.charton.error.ExitCode;
import dev.charton.python.service.WorkerService;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
        if (System.getProperty("picocli.trace") == null) {
            // picocli warns on stderr about values it cannot split around quotes, such as the column
            // name b"x in --y, which charton then reads whole: right, so not worth a word to the user.
            CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
        }
        // charton's commands are no Groovy closures; looking for Groovy's class would have the class
        // loader open the jar (and parse its 26,000-entry directory) just to find it absent.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = commandLine(commandNamed(args));
        return cli.execute(args);
    }

    /** Every command, as help, the man pages and completions describe them. */
    public static CommandLine commandLine() {
        return commandLine(ChartonCommand.SUBCOMMANDS);
    }

    /**
     * The root command with {@code subcommands} only: picocli reads the annotations of every command
     * it is given, about 0.1 s of CPU for the ones a run does not use.
     */
    private static CommandLine commandLine(List<ChartonCommand.Subcommand> subcommands) {
        CommandLine cli = new CommandLine(new ChartonCommand());
        // Loops, not lambdas: a lambda over picocli's classes (compiled for an old Java) keeps them
        // out of the start-up archive.
        for (ChartonCommand.Subcommand subcommand : subcommands) {
            cli.addSubcommand(subcommand.type());
        }
        ErrorReporter reporter = new ErrorReporter();
        cli.setExecutionExceptionHandler(reporter);
        cli.setParameterExceptionHandler(reporter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        documentExitCodes(cli);
        CommandLine help = cli.getSubcommands().get("help");
        if (help != null) {
            help.getCommandSpec().usageMessage().footerHeading("%nExamples:%n").footer("  charton help plot", "  charton help");
        }
        return cli;
    }

    /** The one subcommand {@code args} run (the first argument that is not an option), or all when that is not one. */
    private static List<ChartonCommand.Subcommand> commandNamed(String[] args) {
        String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        for (ChartonCommand.Subcommand subcommand : ChartonCommand.SUBCOMMANDS) {
            if (first.equals(subcommand.name())) {
                return List.of(subcommand);
            }
        }
        return ChartonCommand.SUBCOMMANDS;
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
