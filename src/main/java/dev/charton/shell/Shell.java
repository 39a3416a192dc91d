package dev.charton.shell;

import dev.charton.error.ExitCode;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code charton shell}: reads commands from the terminal and runs each against one session (the
 * data loaded once, one warm Python). A failing command prints one line and the shell goes on;
 * Ctrl-C stops the command under way; {@code quit} or Ctrl-D ends the shell.
 */
public final class Shell {
    /** Tells the worker to ignore Ctrl-C (docs/protocol.md): the shell decides what a Ctrl-C stops. */
    public static final String IGNORE_SIGINT = "CHARTON_WORKER_IGNORE_SIGINT";

    private final Session session;
    private final Console console;
    private final Cancellation cancel;
    private final CommandLine.IExecutionExceptionHandler errors;
    private Console.Line current;
    private boolean quit;

    private Shell(Session session, Console console, Cancellation cancel, CommandLine.IExecutionExceptionHandler errors) {
        this.session = session;
        this.console = console;
        this.cancel = cancel;
        this.errors = errors;
    }

    /** The environment for the shell's Python workers. */
    public static Map<String, String> workerEnvironment(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(IGNORE_SIGINT, "1");
        return env;
    }

    /**
     * Runs a shell until quit or the end of input. A FILE that cannot be loaded ends it before it
     * starts, as any command's bad input does; {@code errors} reports the failures of commands.
     */
    public static int run(ShellSettings settings, CommandLine.IExecutionExceptionHandler errors) {
        Cancellation cancel = new Cancellation();
        try (Session session = new Session(settings, cancel)) {
            session.startPython();
            if (settings.input() != null) {
                session.load(settings.input(), settings.read());
            }
            ShellCompleter completer = new ShellCompleter(session::columns, session::rendererNames);
            try (Console console = Console.open(completer, System.getenv())) {
                Shell shell = new Shell(session, console, cancel, errors);
                completer.commands(ShellCommands.model(shell));
                console.onInterrupt(session::interrupt);
                shell.greet();
                shell.loop();
            }
        }
        return ExitCode.OK.code();
    }

    private void greet() {
        String data = session.loaded().map(SessionData::summary).orElse("no data loaded (load FILE)");
        console.print("charton shell: " + data + "\nhelp lists the commands, Tab completes, Ctrl-D quits."
                + " Figures go to " + session.directory());
    }

    private void loop() {
        while (!quit) {
            Console.Line line = console.readCommand();
            if (line == null) {
                break;
            }
            if (!line.isEmpty()) {
                execute(line);
            }
        }
    }

    private void execute(Console.Line line) {
        current = line;
        cancel.clear();
        CommandLine commands = ShellCommands.model(this);
        commands.setOut(console.writer());
        commands.setErr(console.writer());
        commands.setExecutionExceptionHandler(errors);
        commands.setParameterExceptionHandler(Shell::usageError);
        commands.execute(line.words().toArray(String[]::new));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        boolean unknownCommand = failed.getCommandSpec().parent() == null;
        err.println("charton: " + (unknownCommand ? "unknown command '" + args[0] + "'" : e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println(unknownCommand ? "Type help for the list of commands."
                : "Type 'help " + failed.getCommandName() + "' for its options.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    Session session() {
        return session;
    }

    Console console() {
        return console;
    }

    /** The command line being run, as typed. */
    Console.Line currentLine() {
        return current;
    }

    void quit() {
        quit = true;
    }
}
