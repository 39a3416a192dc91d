package dev.charton.shell;

import dev.charton.testing.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program running in a real pseudo-terminal: a private tmux server, driven with send-keys and
 * read with capture-pane. Waits poll the screen until what is expected appears, so tests do not
 * depend on how fast the machine is; a wait that times out fails with the screen as it was.
 */
final class TerminalSession implements AutoCloseable {
    private static final int COLUMNS = 220;
    private static final int ROWS = 60;

    private final Path socket;
    private final Path exitStatus;

    private TerminalSession(Path socket, Path exitStatus) {
        this.socket = socket;
        this.exitStatus = exitStatus;
    }

    /** Runs {@code command} in {@code directory} in a new terminal whose environment is ours plus {@code env}. */
    static TerminalSession start(Path directory, Map<String, String> env, List<String> command) throws IOException {
        Tools.require("tmux");
        Path own = Files.createTempDirectory(directory, "terminal-"); // a server, socket and status of its own
        Path config = own.resolve("tmux.conf");
        // The pane stays after the program ends, so its last screen can be read.
        Files.writeString(config, "set -g remain-on-exit on\nset -g history-limit 20000\n");
        TerminalSession session = new TerminalSession(own.resolve("tmux.sock"), own.resolve("exit-status"));
        List<String> args = new ArrayList<>(List.of("-f", config.toString(), "new-session", "-d", "-x",
                Integer.toString(COLUMNS), "-y", Integer.toString(ROWS), "-c", directory.toString()));
        // tmux does not always collect the exit status of a pane's program (it can stay a zombie), so
        // bash runs the program and writes its status to a file. bash waits through a Ctrl-C the
        // program survives, as an interactive shell's job would.
        args.addAll(List.of("bash", "-c", "status=$1; shift; \"$@\"; echo $? > \"$status.tmp\"; mv \"$status.tmp\" \"$status\"",
                "bash", session.exitStatus.toString()));
        args.addAll(command);
        session.tmux(env, args);
        return session;
    }

    /** Types text as it is (no key names). */
    void type(String text) {
        tmux(Map.of(), List.of("send-keys", "-l", "--", text));
    }

    /** Presses keys by tmux's names: Enter, Tab, Up, C-c, C-d... */
    void press(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys"));
        args.addAll(List.of(keys));
        tmux(Map.of(), args);
    }

    /** Types a line and presses Enter. */
    void enter(String line) {
        type(line);
        press("Enter");
    }

    /** Everything the program showed, wrapped lines joined, trailing blank lines dropped. */
    String screen() {
        return tmux(Map.of(), List.of("capture-pane", "-p", "-J", "-S", "-", "-E", "-")).stripTrailing();
    }

    /** The line the cursor is on (the prompt and what is typed after it). */
    String currentLine() {
        List<String> lines = screen().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Waits until the screen contains {@code text}; returns the screen. */
    String waitFor(String text, Duration timeout) {
        return waitUntil(s -> s.contains(text), "the text '" + text + "'", timeout);
    }

    String waitUntil(Predicate<String> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the screen:\n" + screen);
            }
            pause();
            screen = screen();
        }
        return screen;
    }

    /** Waits for the program to end; returns its exit status. */
    int waitForExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(exitStatus)) {
                try {
                    return Integer.parseInt(Files.readString(exitStatus).strip());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not end within " + timeout.toSeconds() + " s; the screen:\n" + screen());
            }
            pause();
        }
    }

    /** A tenth of a second between two looks. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String tmux(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TMUX"); // the tests may themselves run inside tmux
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run tmux: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops the tmux server and with it the program, if it still runs. */
    @Override
    public void close() {
        try {
            tmux(Map.of(), List.of("kill-server"));
        } catch (AssertionError ignored) {
            // Already gone.
        }
    }
}
