package dev.charton.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A native zsh completion function ({@code _charton}, for a directory on $fpath): one function per
 * command, each an {@code _arguments} call, with descriptions, file names for path arguments and
 * fixed lists for options that have completion candidates.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String script(CommandLine root) {
        String name = root.getCommandName();
        StringBuilder out = new StringBuilder()
                .append("#compdef ").append(name).append('\n')
                .append("# zsh completion for ").append(name).append(", generated from its command model.\n")
                .append("# Do not edit: regenerate it (see README.md, \"Installing completions and the man page\").\n");
        functions(root, "_" + name, out);
        return out.append("\n_").append(name).append(" \"$@\"\n").toString();
    }

    private static void functions(CommandLine cli, String function, StringBuilder out) {
        CommandSpec spec = cli.getCommandSpec();
        Map<String, CommandLine> subcommands = DocsModel.visibleSubcommands(cli);
        List<String> specs = new ArrayList<>();
        spec.options().stream().filter(o -> !o.hidden()).forEach(o -> specs.addAll(optionSpecs(o)));
        if (!subcommands.isEmpty()) {
            specs.add("'1: :->command'");
            specs.add("'*:: :->argument'");
        } else {
            if (cli.getCommand() instanceof CommandLine.HelpCommand && cli.getParent() != null) {
                String siblings = DocsModel.visibleSubcommands(cli.getParent()).keySet().stream()
                        .filter(s -> !s.equals(spec.name())).collect(Collectors.joining(" "));
                specs.add(quote("1:command:(" + siblings + ")"));
            } else {
                spec.positionalParameters().stream().filter(p -> !p.hidden()).forEach(p -> specs.add(positionalSpec(p)));
            }
        }
        out.append('\n').append(function).append("() {\n")
                .append("  local curcontext=\"$curcontext\" state line\n")
                .append("  _arguments -s -S -C \\\n    ")
                .append(String.join(" \\\n    ", specs)).append('\n');
        if (!subcommands.isEmpty()) {
            out.append("  case $state in\n    command)\n      local -a commands=(\n");
            subcommands.forEach((sub, subCli) -> out.append("        ")
                    .append(quote(sub + ":" + DocsModel.summary(subCli.getCommandSpec()))).append('\n'));
            out.append("      )\n      _describe -t commands 'command' commands\n      ;;\n    argument)\n")
                    .append("      case $words[1] in\n");
            subcommands.keySet().forEach(sub -> out.append("        ").append(sub).append(") ")
                    .append(function).append('_').append(sub.replaceAll("\\W", "_")).append(" ;;\n"));
            out.append("      esac\n      ;;\n  esac\n");
        }
        out.append("}\n");
        subcommands.forEach((sub, subCli) -> functions(subCli, function + "_" + sub.replaceAll("\\W", "_"), out));
    }

    /** One spec per name, so a short option takes its value as -oFILE or -o FILE and a long one as --x=V or --x V. */
    private static List<String> optionSpecs(OptionSpec option) {
        String exclusions = option.typeInfo().isMultiValue() ? "*" : "(" + String.join(" ", option.names()) + ")";
        String description = "[" + escape(DocsModel.summary(option)) + "]";
        List<String> specs = new ArrayList<>();
        for (String name : option.names()) {
            String takesValue = option.arity().max() == 0 ? "" : name.startsWith("--") ? "=" : "+";
            String value = option.arity().max() == 0 ? "" : ":" + escape(option.paramLabel()) + ":" + action(option);
            specs.add(quote(exclusions + name + takesValue + description + value));
        }
        return specs;
    }

    private static String positionalSpec(PositionalParamSpec positional) {
        String position = positional.index().isUnresolved() || positional.index().max() == Integer.MAX_VALUE
                ? "*" : String.valueOf(positional.index().min() + 1);
        return quote(position + ":" + escape(positional.paramLabel()) + ":" + action(positional));
    }

    /** What zsh offers for a value: file names, a fixed list, or nothing (free text). */
    private static String action(ArgSpec arg) {
        if (arg.completionCandidates() != null) {
            return "(" + String.join(" ", DocsModel.candidates(arg)) + ")";
        }
        return DocsModel.isPath(arg) ? "_files" : " ";
    }

    /** Characters that _arguments reads specially inside a description or message. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
