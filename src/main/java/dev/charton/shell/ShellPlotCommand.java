package dev.charton.shell;

import dev.charton.error.Warnings;
import dev.charton.options.ChartOptions;
import dev.charton.options.FigureOptions;
import dev.charton.options.UserCodeOptions;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.UserCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plot [options]}: the options of charton plot, on the loaded data; the figure file is printed. */
@Command(name = "plot", description = "Draw a figure of the loaded data: the options of charton plot, without FILE;"
        + " without -o the figure goes to the session directory.")
final class ShellPlotCommand implements Runnable {
    private final Shell shell;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the figure (default: plot-N in the session directory).")
    String output;

    @Mixin
    FigureOptions figure;

    @Mixin
    ChartOptions chart;

    @Mixin
    UserCodeOptions userCode;

    ShellPlotCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void run() {
        Session session = shell.session();
        UserCode code = userCode.toUserCode();
        FigureOutput out = output == null ? null : FigureOutput.of(output);
        String renderer = figure.renderer(code, session.renderer());
        OutputFormat format = out != null ? figure.format(out, renderer)
                : figure.format().orElseGet(() -> session.defaultFormat(renderer));
        RenderRequest request = figure.request(renderer, format, chart.toSpec(), code, session.pythonEnvironment(),
                session.htmlCdn());
        Figures.Figure made = session.plot(request, out, w -> Warnings.line(w).ifPresent(shell.console()::print));
        shell.console().print("figure: " + made.path());
        if (made.format() == OutputFormat.PNG) {
            shell.console().showImage(made.bytes());
        }
    }
}
