package dev.charton.options;

import dev.charton.output.FigureOutput;
import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.UserCode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/** Which renderer draws the figure and in which format: shared by {@code plot} and the shell's {@code plot}. */
public final class FigureOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-r", "--renderer"}, paramLabel = "NAME", completionCandidates = BuiltinRenderers.class,
            description = "${COMPLETION-CANDIDATES} (default: " + RenderRequest.DEFAULT_RENDERER + "), or a template plugin;"
                    + " 'charton templates' lists them.")
    String renderer;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Figure format: png, svg, pdf, jpg, json or html (default: from the -o extension; png for -;"
                    + " in the shell without -o, png or else the first format the renderer can write).")
    String format;

    @Option(names = "--html-cdn",
            description = "altair and plotly HTML loads its JavaScript (Vega, plotly.js) from a CDN when opened: a file of"
                    + " a few KB that needs the network, instead of one that carries it and works offline (the default).")
    boolean htmlCdn;

    /** The request for this figure; its HTML loads the scripts from a CDN if --html-cdn or {@code htmlCdnAnyway} says so. */
    public RenderRequest request(String renderer, OutputFormat format, ChartSpec spec, UserCode code,
                                 Map<String, String> environment, boolean htmlCdnAnyway) {
        return RenderRequest.of(renderer, format, spec, code, environment).withScriptsFromCdn(htmlCdn || htmlCdnAnyway);
    }

    /** Whether --html-cdn was given. */
    public boolean htmlCdn() {
        return htmlCdn;
    }

    /** The renderer asked for, {@code fallback} when none was, the script renderer for a script. */
    public String renderer(UserCode code, String fallback) {
        if (code.script() == null) {
            return renderer == null ? fallback : renderer;
        }
        if (renderer != null) {
            throw usage("--script makes the figure itself; it cannot be combined with --renderer");
        }
        return RenderRequest.SCRIPT_RENDERER;
    }

    /** The format given with --format, if any. */
    public Optional<OutputFormat> format() {
        if (format == null) {
            return Optional.empty();
        }
        return Optional.of(OutputFormat.fromName(format).orElseThrow(() -> usage("--format: unknown format '"
                + format + "' (expected one of " + OutputFormat.names() + ")")));
    }

    /**
     * The format given with --format, else the one the output's extension names: PNG for standard
     * output, and for a file without an extension the one {@code renderer} writes without packages of
     * its own ({@link RenderRequest#formatOf}: HTML for altair and plotly).
     */
    public OutputFormat format(FigureOutput out, String renderer) {
        Optional<OutputFormat> given = format();
        if (given.isPresent()) {
            return given.get();
        }
        if (out.isStdout()) {
            return OutputFormat.PNG;
        }
        Optional<String> extension = out.extension();
        if (extension.isEmpty()) {
            return RenderRequest.formatOf(renderer);
        }
        String ext = extension.get();
        return OutputFormat.fromName(ext).orElseThrow(() -> usage("unknown figure format '." + ext + "' of '"
                + out.displayName() + "' (expected one of " + OutputFormat.names() + ", or use --format)"));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
