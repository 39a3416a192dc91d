package dev.charton.shell;

import dev.charton.python.setup.UserDirectories;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal side of the shell: line editing, completion and history (jline), Ctrl-C, output,
 * and figures shown inline where the terminal can. History of a terminal session (not of commands
 * piped in) is kept in the user's state directory ($XDG_STATE_HOME/charton/history), readable by the
 * user alone.
 */
final class Console implements AutoCloseable {
    static final String PROMPT = "charton> ";
    static final String BLOCK_PROMPT = "... ";
    /** The line that ends a block of Python. */
    static final String END_OF_BLOCK = ".";

    private final Terminal terminal;
    private final LineReader reader;
    private final ShellCompleter completer;
    private final InlineImages images;

    private Console(Terminal terminal, LineReader reader, ShellCompleter completer, InlineImages images) {
        this.terminal = terminal;
        this.reader = reader;
        this.completer = completer;
        this.images = images;
    }

    static Console open(ShellCompleter completer, Map<String, String> env) {
        Terminal terminal;
        try {
            // A dumb terminal when standard input is not one (commands piped in): no editing, same commands.
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefaultParser parser = new DefaultParser();
        LineReader reader = LineReaderBuilder.builder().appName("charton").terminal(terminal).parser(parser)
                .completer(completer).build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // "!" is Python's, not history's
        reader.setOpt(LineReader.Option.INSERT_TAB); // Tab indents Python in a block
        reader.unsetOpt(LineReader.Option.AUTO_MENU_LIST);
        if (!Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            historyFile(env).ifPresent(file -> reader.setVariable(LineReader.HISTORY_FILE, file)); // typed, not piped
        }
        return new Console(terminal, reader, completer, InlineImages.detect(env));
    }

    /** $XDG_STATE_HOME/charton/history (owner-only), or nothing when it cannot be created. */
    static Optional<Path> historyFile(Map<String, String> env) {
        Path state = UserDirectories.from(env).state();
        Path file = state.resolve("history");
        try {
            Files.createDirectories(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Kept from earlier sessions.
        } catch (IOException | UnsupportedOperationException e) {
            if (!Files.isWritable(file)) {
                return Optional.empty();
            }
        }
        return Optional.of(file);
    }

    /** Routes Ctrl-C pressed while a command runs (not while a line is edited) to {@code action}. */
    void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    /** The next command line: its words and its text as typed; empty for a line given up with Ctrl-C; null at the end of input. */
    Line readCommand() {
        try {
            reader.readLine(PROMPT);
            ParsedLine parsed = reader.getParsedLine();
            return new Line(List.copyOf(parsed.words()), parsed.line());
        } catch (UserInterruptException e) {
            return new Line(List.of(), "");
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /** Lines up to one holding only ".", or nothing when Ctrl-C or Ctrl-D gave the block up. */
    Optional<String> readBlock() {
        List<String> lines = new ArrayList<>();
        completer.completeNothing(true);
        try {
            while (true) {
                String line = reader.readLine(BLOCK_PROMPT);
                if (line.strip().equals(END_OF_BLOCK)) {
                    return Optional.of(String.join("\n", lines) + "\n");
                }
                lines.add(line);
            }
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        } finally {
            completer.completeNothing(false);
        }
    }

    PrintWriter writer() {
        return terminal.writer();
    }

    void print(String text) {
        PrintWriter out = terminal.writer();
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /** Columns of the terminal (80 when it does not say). */
    int width() {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }

    /** Shows a PNG in the terminal, if it can show images. */
    void showImage(byte[] png) {
        String escape = images.escape(png);
        if (!escape.isEmpty()) {
            terminal.writer().print(escape);
            terminal.flush();
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException ignored) {
            // History is a convenience: a full disk must not stop the shell from ending.
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // Nothing left to restore.
        }
    }

    /** A command line: its words (quotes removed) and the text as typed. */
    record Line(List<String> words, String text) {
        boolean isEmpty() {
            return words.isEmpty() || words.stream().allMatch(String::isBlank);
        }

        /** The text after the first word, as typed. */
        String rest() {
            String trimmed = text.stripLeading();
            int space = 0;
            while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
                space++;
            }
            return trimmed.substring(space).strip();
        }
    }
}
