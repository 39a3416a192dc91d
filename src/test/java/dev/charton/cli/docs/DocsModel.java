package dev.charton.cli.docs;

import dev.charton.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The command model that completions and man pages are generated from: the real one from
 * {@link Main#commandLine()}, adjusted for documentation so generated files depend only on the sources.
 * <ul>
 *   <li>the version is the release number alone (not the git commit, which changes with every commit);</li>
 *   <li>an argument labelled FILE, PATH or DIR (or ending in _FILE, -PATH...) is typed as a path, so the
 *       shells complete file names for it: commands keep such arguments as strings because "-" means
 *       standard input or output;</li>
 *   <li>section headings lose their trailing colon ("Examples:" in --help, EXAMPLES in man).</li>
 * </ul>
 */
final class DocsModel {
    private static final Pattern PATH_LABEL = Pattern.compile("(?:.*[_-])?(FILE|PATH|DIR)");

    private DocsModel() {
    }

    static CommandLine commandLine(String versionNumber) {
        CommandLine cli = Main.commandLine();
        forEachCommand(cli, spec -> {
            spec.versionProvider(null);
            spec.version("charton " + versionNumber);
            typePathArguments(spec);
            picocli.CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
            usage.footerHeading(withoutColon(usage.footerHeading()));
            usage.exitCodeListHeading(withoutColon(usage.exitCodeListHeading()));
        });
        return cli;
    }

    static void forEachCommand(CommandLine cli, Consumer<CommandSpec> action) {
        action.accept(cli.getCommandSpec());
        cli.getSubcommands().values().forEach(sub -> forEachCommand(sub, action));
    }

    static boolean isPath(ArgSpec arg) {
        Class<?> type = arg.typeInfo().isMultiValue() ? arg.typeInfo().getAuxiliaryTypes()[0] : arg.type();
        return type == File.class || type == Path.class;
    }

    private static boolean labelledAsPath(ArgSpec arg) {
        String label = arg.paramLabel().replaceAll("[<>]", "").toUpperCase(Locale.ROOT);
        return arg.arity().max() > 0 && PATH_LABEL.matcher(label).matches();
    }

    /** Re-adds every argument in its original order, path-labelled ones retyped, so listings keep their order. */
    private static void typePathArguments(CommandSpec spec) {
        List<ArgSpec> args = new ArrayList<>(spec.args());
        if (args.stream().noneMatch(a -> a.group() == null && labelledAsPath(a) && !isPath(a))) {
            return;
        }
        // Grouped arguments cannot be removed; an inheritable option would be copied to subcommands twice.
        args.removeIf(a -> a.group() != null || (a.scopeType() == ScopeType.INHERIT && !a.inherited()));
        args.forEach(spec::remove);
        for (ArgSpec arg : args) {
            boolean retype = labelledAsPath(arg) && !isPath(arg);
            if (arg instanceof OptionSpec option) {
                spec.addOption(retype ? OptionSpec.builder(option).typeInfo(pathTypeInfo(arg.typeInfo())).build() : option);
            } else {
                PositionalParamSpec positional = (PositionalParamSpec) arg;
                spec.addPositional(retype
                        ? PositionalParamSpec.builder(positional).typeInfo(pathTypeInfo(arg.typeInfo())).build() : positional);
            }
        }
    }

    /** The argument's type information with Path as its (element) type; picocli has no public factory for one. */
    private static ITypeInfo pathTypeInfo(ITypeInfo original) {
        boolean single = !original.isMultiValue();
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getType" -> single ? Path.class : original.getType();
            case "getAuxiliaryTypes" -> new Class<?>[] {Path.class};
            case "getClassName" -> single ? Path.class.getName() : original.getClassName();
            case "getClassSimpleName" -> single ? Path.class.getSimpleName() : original.getClassSimpleName();
            default -> method.invoke(original, args);
        };
        return (ITypeInfo) Proxy.newProxyInstance(ITypeInfo.class.getClassLoader(), new Class<?>[] {ITypeInfo.class}, handler);
    }

    private static String withoutColon(String heading) {
        return heading.replaceAll(":(%n)?$", "$1");
    }

    static Map<String, CommandLine> visibleSubcommands(CommandLine cli) {
        Map<String, CommandLine> visible = new LinkedHashMap<>();
        cli.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                visible.put(name, sub);
            }
        });
        return visible;
    }

    static List<String> candidates(ArgSpec arg) {
        return StreamSupport.stream(arg.completionCandidates().spliterator(), false).toList();
    }

    /** A command's one-line summary, as shells show it next to a candidate. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = header.length > 0 ? header : spec.usageMessage().description();
        return description.length == 0 ? "" : firstSentence(description[0]);
    }

    static String summary(OptionSpec option) {
        return option.description().length == 0 ? "" : firstSentence(option.description()[0]);
    }

    private static String firstSentence(String text) {
        String plain = text.replace("%n", " ").trim();
        int end = plain.indexOf(". ");
        plain = end < 0 ? plain : plain.substring(0, end + 1);
        return plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
