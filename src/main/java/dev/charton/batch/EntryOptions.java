package dev.charton.batch;

import dev.charton.error.ChartonException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A spec entry's keys parsed as a command's long options: {@code x: date} is {@code --x=date}, a
 * list repeats the option, a mapping gives {@code KEY=VALUE} pairs, {@code true} sets a flag. The
 * command's own picocli model then checks and converts them, so a spec accepts exactly what the
 * command line does; its errors are reported at the line of the key they are about.
 */
final class EntryOptions<T> {
    /** Values of these parameters name files, resolved against the spec's directory. */
    private static final Set<String> FILE_LABELS = Set.of("FILE", "DIR");
    /** A bare name here is looked up on PATH; only a value with a slash is a path. */
    private static final String PATH_LABEL = "PATH";

    private final OptionModel<T> model;
    private final Map<String, OptionSpec> byKey = new LinkedHashMap<>();

    EntryOptions(OptionModel<T> model) {
        this.model = model;
        for (OptionSpec option : model.commandLine().get().getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.hidden()) {
                byKey.put(option.longestName().replaceFirst("^-+", ""), option);
            }
        }
    }

    /** The keys an entry may use: the command's long option names without dashes. */
    Set<String> keys() {
        return byKey.keySet();
    }

    /**
     * Parses {@code keys} (all in {@link #keys()}) with {@code positional} as the command's
     * parameter, after {@code baseArguments} that the keys override. Returns null, with the
     * problems added, when the command refuses them; else the result and the keys' arguments.
     */
    Parsed<T> parse(String what, Node entry, Collection<SpecNodes.Entry> keys, List<String> baseArguments,
            String positional, Path baseDirectory, SpecProblems problems) {
        List<String> arguments = new ArrayList<>(baseArguments);
        int before = problems.count();
        for (SpecNodes.Entry key : keys) {
            addArguments(what, key, baseDirectory, arguments, problems);
        }
        if (problems.count() != before) {
            return null;
        }
        List<String> own = List.copyOf(arguments.subList(baseArguments.size(), arguments.size()));
        if (positional != null) {
            arguments.add("--");
            arguments.add(positional);
        }
        CommandLine commandLine = model.commandLine().get();
        commandLine.setOverwrittenOptionsAllowed(true);
        try {
            commandLine.parseArgs(arguments.toArray(String[]::new));
            return new Parsed<>(model.result().apply(commandLine), own);
        } catch (CommandLine.MissingParameterException e) {
            for (ArgSpec missing : e.getMissing()) {
                String name = missing instanceof OptionSpec o ? "'" + keyOf(o) + "'" : missing.paramLabel();
                problems.add(entry, what + ": " + name + " is required");
            }
        } catch (CommandLine.ParameterException e) {
            Node where = e.getArgSpec() instanceof OptionSpec o ? valueOf(keys, keyOf(o), entry) : mentioned(keys, e.getMessage(), entry);
            problems.add(where, what + ": " + e.getMessage());
        } catch (ChartonException e) {
            problems.add(mentioned(keys, e.getMessage(), entry), e.exitCode(), what + ": " + e.getMessage());
        }
        return null;
    }

    private void addArguments(String what, SpecNodes.Entry key, Path baseDirectory, List<String> arguments,
                              SpecProblems problems) {
        OptionSpec option = byKey.get(key.name());
        String flag = "--" + key.name();
        Node value = key.value();
        if (option.arity().max() == 0) {
            if (!SpecNodes.isBoolean(value)) {
                problems.add(value, what + ": " + key.name() + " is true or false, not " + SpecNodes.describe(value));
            } else if (SpecNodes.isTrue(value)) {
                arguments.add(flag);
            }
            return;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof SequenceNode list && option.isMultiValue()) {
            list.getValue().forEach(item -> values.add(single(what, key.name(), item, problems)));
        } else if (value instanceof MappingNode mapping && Map.class.isAssignableFrom(option.type())) {
            SpecNodes.entries(mapping, problems).values().forEach(pair ->
                    values.add(pair.name() + "=" + single(what, key.name() + "." + pair.name(), pair.value(), problems)));
        } else {
            values.add(single(what, key.name(), value, problems));
        }
        for (String v : values) {
            arguments.add(flag + "=" + (v == null ? "" : resolvePath(option, v, baseDirectory)));
        }
    }

    private static String single(String what, String name, Node value, SpecProblems problems) {
        String text = SpecNodes.text(value);
        if (text == null) {
            problems.add(value, what + ": " + name + " needs one value, not " + SpecNodes.describe(value));
        }
        return text;
    }

    private static String resolvePath(OptionSpec option, String value, Path baseDirectory) {
        boolean names = FILE_LABELS.contains(option.paramLabel())
                || PATH_LABEL.equals(option.paramLabel()) && value.contains(File.separator);
        return names && !value.equals("-") ? baseDirectory.resolve(value).normalize().toString() : value;
    }

    private static String keyOf(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private static Node valueOf(Collection<SpecNodes.Entry> keys, String name, Node entry) {
        return keys.stream().filter(k -> k.name().equals(name)).map(SpecNodes.Entry::value).findFirst().orElse(entry);
    }

    /** The value of the first key whose option the message names, else the entry itself. */
    private static Node mentioned(Collection<SpecNodes.Entry> keys, String message, Node entry) {
        for (SpecNodes.Entry key : keys) {
            if (Pattern.compile("--" + Pattern.quote(key.name()) + "(?![\\w-])").matcher(message).find()) {
                return key.value();
            }
        }
        return entry;
    }

    /** What the command made of an entry, and the entry's keys as arguments (paths resolved). */
    record Parsed<T>(T value, List<String> arguments) {
    }
}
