package dev.charton.cli;

import dev.charton.input.InputSource;
import dev.charton.options.FigureOptions;
import dev.charton.options.PythonOptions;
import dev.charton.options.ReadOptionsMixin;
import dev.charton.options.TemplateOptions;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.UserCode;
import dev.charton.shell.Shell;
import dev.charton.shell.ShellSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code charton shell}: parses the options of the session and hands them to the {@link Shell}. */
@Command(name = ShellCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Explore a data file interactively: load it once, then plot, look at it and run Python"
                + " against it with one warm Python, with completion (commands, options, column names, files)"
                + " and history.",
                "Commands: load, schema, head, plot, renderer, save, py, help, quit. Ctrl-C stops the command"
                + " under way; Ctrl-D or quit leaves."},
        footerHeading = "%nExamples:%n",
        footer = {"  charton shell weather.csv",
                "  charton shell sales.csv -r seaborn --format svg",
                "  charton shell data.csv --delimiter ';' --type id=string",
                "  charton shell --templates-dir ~/charts/house-style",
                "  charton shell"})
final class ShellCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "shell";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The data file to load first (more with the shell's load command).")
    String input;

    @Mixin
    FigureOptions figure;

    @Mixin
    TemplateOptions templates;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        if ("-".equals(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the shell reads its commands from standard input, so its data must come from a file");
        }
        ShellSettings settings = new ShellSettings(input == null ? null : InputSource.of(input), read.toReadOptions(),
                python.setup(Shell.workerEnvironment(templates.environment())), python.timeout(),
                figure.renderer(UserCode.NONE, RenderRequest.DEFAULT_RENDERER),
                figure.format().orElse(null), figure.htmlCdn());
        return Shell.run(settings, new ErrorReporter());
    }
}
