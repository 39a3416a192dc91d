package dev.charton.cli;

import dev.charton.input.InputSource;
import dev.charton.output.FigureOutput;
import dev.charton.render.OutputFormat;
import dev.charton.render.PlotJob;
import dev.charton.render.Plotter;
import dev.charton.render.PythonChoice;
import dev.charton.render.RenderRequest;
import dev.charton.render.UserCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code charton plot}: parses options and hands them to the {@link Plotter}. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Render a figure from a CSV, Parquet or Arrow file (or - for standard input).",
        footerHeading = "%nExamples:%n",
        footer = {"  charton plot weather.csv --x date --y temp_max -o weather.png",
                "  charton plot weather.csv -x date -y temp_max,temp_min -k area -o range.svg",
                "  charton plot weather.csv -k box -x weather -y wind -r seaborn -o wind.png",
                "  charton plot weather.csv -x date -y wind --color weather -r altair -o c.html",
                "  charton plot weather.csv --script plot.py --param window=7 -o smooth.png",
                "  cat weather.csv | charton plot - --x date --y temp_max -o - > weather.png"})
final class PlotCommand implements Callable<Integer> {
    private static final String DEFAULT_RENDERER = "matplotlib";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file, or - for standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write the figure, or - for standard output.")
    String output;

    @Option(names = {"-r", "--renderer"}, paramLabel = "NAME", completionCandidates = BuiltinRenderers.class,
            description = "${COMPLETION-CANDIDATES} (default: matplotlib), or a template plugin;"
                    + " 'charton templates' lists them.")
    String renderer;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Figure format: png, svg, pdf, jpg, json or html (default: from the -o extension, png for -).")
    String format;

    @Mixin
    ChartOptions chart;

    @Mixin
    UserCodeOptions userCode;

    @Mixin
    TemplateOptions templates;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        PlotJob job = job();
        new Plotter(job.python().setup()).plot(job);
        return 0;
    }

    /** The figure these options describe; charton batch parses each chart's options into one too. */
    PlotJob job() {
        FigureOutput out = FigureOutput.of(output);
        UserCode code = userCode.toUserCode();
        RenderRequest request = new RenderRequest(rendererFor(code), outputFormat(out), chart.toSpec(), code);
        return new PlotJob(InputSource.of(input), read.toReadOptions(), request, out,
                new PythonChoice(python.python, templates.environment()), python.timeout());
    }

    private String rendererFor(UserCode code) {
        if (code.script() == null) {
            return renderer == null ? DEFAULT_RENDERER : renderer;
        }
        if (renderer != null) {
            throw usage("--script makes the figure itself; it cannot be combined with --renderer");
        }
        return RenderRequest.SCRIPT_RENDERER;
    }

    private OutputFormat outputFormat(FigureOutput out) {
        if (format != null) {
            return OutputFormat.fromName(format).orElseThrow(() -> usage("--format: unknown format '" + format
                    + "' (expected one of " + OutputFormat.names() + ")"));
        }
        if (out.isStdout()) {
            return OutputFormat.PNG;
        }
        String ext = out.extension().orElseThrow(() -> usage("cannot tell the figure format of '" + output
                + "': give it an extension (" + OutputFormat.names() + ") or use --format"));
        return OutputFormat.fromName(ext).orElseThrow(() -> usage("unknown figure format '." + ext + "' of '"
                + output + "' (expected one of " + OutputFormat.names() + ", or use --format)"));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
