package dev.charton.cli;

import dev.charton.app.Plot;
import dev.charton.lifecycle.Deadline;
import dev.charton.options.ChartOptions;
import dev.charton.options.FigureOptions;
import dev.charton.options.PythonOptions;
import dev.charton.options.ReadOptionsMixin;
import dev.charton.options.SqlOptions;
import dev.charton.options.TemplateOptions;
import dev.charton.options.UserCodeOptions;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.FigureJob;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.UserCode;
import dev.charton.python.setup.PythonChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code charton plot}: parses options and hands the figure they describe to {@link Plot}. */
@Command(name = PlotCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Render a figure from a CSV, Parquet or Arrow file (or - for standard input), or from a SQL query's result.",
        footerHeading = "%nExamples:%n",
        footer = {"  charton plot weather.csv --x date --y temp_max -o weather.png",
                "  charton plot weather.csv -x date -y temp_max,temp_min -k area -o range.svg",
                "  charton plot weather.csv -k box -x weather -y wind -r seaborn -o wind.png",
                "  charton plot weather.csv -x date -y wind --color weather -r altair -o c.html",
                "  charton plot weather.csv --script plot.py --param window=7 -o smooth.png",
                "  charton plot --sql \"SELECT * FROM 'trips/*.parquet'\" -x day -y fare -o f.png",
                "  charton plot --db jdbc:postgresql://db/sales \\",
                "    --sql \"SELECT day, total FROM orders\" -x day -y total -o t.png",
                "  cat weather.csv | charton plot - --x date --y temp_max -o - > weather.png"})
final class PlotCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "plot";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The data file, or - for standard input (none with --sql).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write the figure, or - for standard output.")
    String output;

    @Mixin
    FigureOptions figure;

    @Mixin
    ChartOptions chart;

    @Mixin
    UserCodeOptions userCode;

    @Mixin
    TemplateOptions templates;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    SqlOptions sql;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        Plot.run(job());
        return 0;
    }

    /** The figure these options describe; charton batch parses each chart's options into one too. */
    FigureJob job() {
        FigureOutput out = FigureOutput.of(output);
        UserCode code = userCode.toUserCode();
        Map<String, String> environment = python.workerEnvironment(templates.environment());
        String renderer = figure.renderer(code, RenderRequest.DEFAULT_RENDERER);
        RenderRequest request = figure.request(renderer, figure.format(out, renderer), chart.toSpec(), code,
                environment, false);
        Deadline deadline = Deadline.after(python.timeout());
        return new FigureJob(sql.table(input, read.toReadOptions(), deadline, System.err), request, out,
                new PythonChoice(python.interpreter(), environment), deadline);
    }
}
