package dev.charton.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fish completion script for the command tree: one {@code complete} line per subcommand and option,
 * guarded by the subcommands already on the line. picocli generates bash only; fish's model (a flat
 * list of conditional rules) is simple enough to write directly.
 */
final class FishCompletion {
    private FishCompletion() {
    }

    static String script(CommandLine root) {
        String name = root.getCommandName();
        StringBuilder out = new StringBuilder()
                .append("# fish completion for ").append(name).append(", generated from its command model.\n")
                .append("# Do not edit: regenerate it (see README.md, \"Installing completions and the man page\").\n")
                .append("complete -c ").append(name).append(" -f\n");
        commands(root, List.of(), out);
        return out.toString();
    }

    private static void commands(CommandLine cli, List<String> path, StringBuilder out) {
        CommandSpec spec = cli.getCommandSpec();
        String name = cli.getCommandSpec().root().name();
        String here = condition(cli, path);
        out.append('\n').append("# ").append(path.isEmpty() ? name : name + " " + String.join(" ", path)).append('\n');
        for (Map.Entry<String, CommandLine> sub : DocsModel.visibleSubcommands(cli).entrySet()) {
            out.append(rule(name, here, "-a " + quote(sub.getKey()), DocsModel.summary(sub.getValue().getCommandSpec())));
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                out.append(rule(name, here, optionFlags(option), DocsModel.summary(option)));
            }
        }
        if (cli.getCommand() instanceof CommandLine.HelpCommand && cli.getParent() != null) {
            String siblings = DocsModel.visibleSubcommands(cli.getParent()).keySet().stream()
                    .filter(s -> !s.equals(spec.name())).collect(Collectors.joining(" "));
            out.append(rule(name, here, "-a " + quote(siblings), ""));
        }
        spec.positionalParameters().stream().filter(p -> !p.hidden() && !values(p).isEmpty())
                .forEach(p -> out.append(rule(name, here, values(p), "")));
        for (Map.Entry<String, CommandLine> sub : DocsModel.visibleSubcommands(cli).entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            commands(sub.getValue(), subPath, out);
        }
    }

    /** Top level: no subcommand typed yet. A subcommand: it and its parents are on the line. */
    private static String condition(CommandLine cli, List<String> path) {
        if (path.isEmpty()) {
            return cli.getSubcommands().isEmpty() ? "" : "__fish_use_subcommand";
        }
        return path.stream().map(p -> "__fish_seen_subcommand_from " + p).collect(Collectors.joining("; and "));
    }

    private static String optionFlags(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                flags.append(" -l ").append(name.substring(2));
            } else if (name.length() == 2) {
                flags.append(" -s ").append(name.substring(1));
            } else {
                flags.append(" -o ").append(name.substring(1));
            }
        }
        if (option.arity().max() > 0) {
            // -r: takes a value; -x: takes a value and file names are not offered for it.
            flags.append(DocsModel.isPath(option) ? " -r " : " -x ").append(values(option));
        }
        return flags.toString().trim();
    }

    /** The values offered for an argument: one of a fixed list, file names, or nothing (free text). */
    private static String values(ArgSpec arg) {
        if (arg.completionCandidates() != null) {
            return "-a " + quote(String.join(" ", DocsModel.candidates(arg)));
        }
        return DocsModel.isPath(arg) ? "-F" : "";
    }

    private static String rule(String command, String condition, String what, String description) {
        StringBuilder line = new StringBuilder("complete -c ").append(command);
        if (!condition.isEmpty()) {
            line.append(" -n ").append(quote(condition));
        }
        line.append(' ').append(what);
        if (!description.isEmpty()) {
            line.append(" -d ").append(quote(description));
        }
        return line.append('\n').toString();
    }

    /** A fish single-quoted string: only backslash and quote need escaping. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
