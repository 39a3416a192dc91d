package dev.charton.shell;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Tab completion from the shell's command model (picocli): command names, their options, and
 * option values by what the option takes: column names of the loaded data for a COLUMN, renderer
 * names (as Python lists them) for a renderer, file names for a FILE, PATH or DIR, and the
 * candidates an option declares. A comma-separated list (-y a,b) completes its last item.
 */
final class ShellCompleter implements Completer {
    private static final Pattern PATH_LABEL = Pattern.compile("(?:.*[_-])?(FILE|PATH|DIR)");
    private static final String COLUMN_LABEL = "COLUMN";
    private static final String RENDERER_OPTION = "--renderer";

    private final Supplier<List<String>> columns;
    private final Supplier<List<String>> renderers;
    private final Completer files = new Completers.FileNameCompleter();
    private CommandLine commands;
    private volatile boolean nothing;

    ShellCompleter(Supplier<List<String>> columns, Supplier<List<String>> renderers) {
        this.columns = columns;
        this.renderers = renderers;
    }

    /** The command model whose commands and options are offered. */
    void commands(CommandLine model) {
        this.commands = model;
    }

    /** Offers nothing (inside a block of Python). */
    void completeNothing(boolean value) {
        nothing = value;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (nothing || commands == null) {
            return;
        }
        List<String> words = line.words();
        int index = line.wordIndex();
        String word = line.word().substring(0, line.wordCursor());
        if (index == 0) {
            commands.getSubcommands().forEach((name, sub) -> {
                if (name.equals(sub.getCommandName())) {
                    candidates.add(new Candidate(name, name, null, summary(sub.getCommandSpec()), null, null, true));
                }
            });
            return;
        }
        CommandLine command = commands.getSubcommands().get(words.get(0));
        if (command == null) {
            return;
        }
        CommandSpec spec = command.getCommandSpec();
        int equals = word.indexOf('=');
        if (word.startsWith("-") && equals > 0 && spec.findOption(word.substring(0, equals)) != null) {
            values(reader, line, spec.findOption(word.substring(0, equals)), word.substring(0, equals + 1),
                    word.substring(equals + 1), candidates);
            return;
        }
        OptionSpec previous = spec.findOption(words.get(index - 1));
        if (previous != null && words.get(index - 1).startsWith("-") && previous.arity().max() > 0) {
            values(reader, line, previous, "", word, candidates);
        } else if (word.startsWith("-") || spec.positionalParameters().isEmpty()) {
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    for (String name : option.names()) {
                        candidates.add(new Candidate(name, name, null, summary(option), null, null, true));
                    }
                }
            }
        } else {
            spec.positionalParameters().stream().findFirst()
                    .ifPresent(p -> values(reader, line, p, "", word, candidates));
        }
    }

    /** Candidate values of an option or parameter, each after {@code prefix} (--x= for instance). */
    private void values(LineReader reader, ParsedLine line, ArgSpec arg, String prefix, String typed,
                        List<Candidate> candidates) {
        String label = arg.paramLabel().replaceAll("[<>]", "").toUpperCase(Locale.ROOT);
        if (PATH_LABEL.matcher(label).matches()) {
            if (prefix.isEmpty()) {
                files.complete(reader, line, candidates);
            }
            return;
        }
        List<String> offered;
        if (label.startsWith(COLUMN_LABEL)) {
            offered = columns.get();
        } else if (arg instanceof OptionSpec option && List.of(option.names()).contains(RENDERER_OPTION)
                || label.equals("NAME") && arg.isPositional()) {
            offered = renderers.get();
        } else if (arg.completionCandidates() != null) {
            offered = new java.util.ArrayList<>();
            arg.completionCandidates().forEach(offered::add);
        } else {
            return;
        }
        String before = prefix;
        String split = arg.splitRegex();
        if (!split.isEmpty()) {
            int last = typed.lastIndexOf(',');
            before = prefix + typed.substring(0, last + 1);
        }
        boolean pair = label.contains("="); // COLUMN=TYPE: the column, then the rest is typed
        for (String value : offered) {
            candidates.add(new Candidate(before + value + (pair ? "=" : ""), value, null, null, null, null, !pair));
        }
    }

    private static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? null : firstSentence(description[0]);
    }

    private static String summary(OptionSpec option) {
        return option.description().length == 0 ? null : firstSentence(option.description()[0]);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    }
}
