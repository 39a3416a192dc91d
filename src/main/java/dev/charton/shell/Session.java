package dev.charton.shell;

import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.error.Suggestion;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.options.BuiltinRenderers;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.FigurePipeline;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.RendererCatalog;
import dev.charton.pipeline.Timings;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.PythonFailure;
import dev.charton.python.protocol.PythonWorker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a shell session holds between commands: the loaded data, the warm Python worker, the current
 * renderer and default format, and the figures made so far. Every command of the shell is one call
 * here; nothing is printed here.
 */
final class Session implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final SessionWorker worker;
    private final Figures figures;
    private final Cancellation cancel;
    private final Duration timeout;
    /** PNG first, so a terminal that shows images shows the figure; then the formats a renderer without PNG writes. */
    private static final List<OutputFormat> FORMATS_BY_PREFERENCE = List.of(OutputFormat.PNG, OutputFormat.SVG,
            OutputFormat.HTML, OutputFormat.PDF, OutputFormat.JPG, OutputFormat.JSON);

    private final OutputFormat defaultFormat; // null: chosen for each plot's renderer
    private final Map<String, String> pythonEnvironment;
    private final boolean htmlCdn;
    private String renderer;
    private SessionData data;
    private RendererCatalog catalog;

    Session(ShellSettings settings, Cancellation cancel) {
        this.cancel = cancel;
        this.worker = new SessionWorker(settings.python(), cancel);
        this.pythonEnvironment = settings.python().environment();
        this.figures = Figures.createDirectory();
        this.timeout = settings.timeout();
        this.defaultFormat = settings.format();
        this.renderer = settings.renderer();
        this.htmlCdn = settings.htmlCdn();
    }

    /** Starts Python in the background, so it is ready by the first command. */
    void startPython() {
        worker.startEarly(renderer);
    }

    /** Reads a data file; it replaces the loaded data once it is read whole. */
    SessionData load(InputSource input, ReadOptions options) {
        return load(new InputTable(input, options));
    }

    /** Reads a data file or a query's result; it replaces the loaded data once it is read whole. */
    SessionData load(TableSource source) {
        if (source instanceof InputTable file && file.input().isStdin()) {
            throw new ChartonException(ExitCode.USAGE, "the shell reads its commands from standard input: load a file");
        }
        SessionData loaded = SessionData.load(source, figures.directory(), cancel);
        if (data != null) {
            data.close();
        }
        data = loaded;
        return loaded;
    }

    String schema() {
        return data().describe();
    }

    /** The first rows as pandas shows them, wrapped at {@code width} columns. */
    String head(int rows, int width) {
        if (rows < 0) {
            throw new ChartonException(ExitCode.USAGE, "head: the number of rows cannot be negative");
        }
        ObjectNode request = Frame.object().put("action", "head").put("rows", rows).put("width", width);
        return text(worker.execute(request, data(), renderer, timeout));
    }

    /** Runs the user's code in the session's Python namespace; what it printed, and what it raised. */
    PythonRun python(String code, int width) {
        ObjectNode request = Frame.object().put("action", "python").put("code", code).put("width", width);
        PythonWorker.Rendered answer = worker.execute(request, data, renderer, timeout);
        JsonNode raised = answer.header().path("raised");
        return new PythonRun(text(answer), raised.isObject() ? PythonFailure.from(raised) : null);
    }

    /**
     * Draws a figure of the loaded data into {@code output}, or the next file of the session
     * directory; a warning on values it could not draw goes to {@code warnings}.
     */
    Figures.Figure plot(RenderRequest request, FigureOutput output, Consumer<String> warnings) {
        SessionData plotted = data();
        FigureOutput out = output != null ? output : figures.next(request.format());
        if (out.isStdout()) {
            throw new ChartonException(ExitCode.USAGE, "-o -: the shell writes figures to files; leave -o out"
                    + " for a file in the session directory");
        }
        out.checkWritable();
        FigurePipeline.Drawn drawn = FigurePipeline.draw(request, plotted.table(),
                (header, data) -> worker.render(header, data, request.renderer(), timeout), IDS.incrementAndGet(),
                Timings.off());
        Figures.Figure written = figures.write(out, request.format(), drawn.figure());
        if (drawn.warning() != null) {
            warnings.accept(drawn.warning());
        }
        return written;
    }

    /** Copies the last figure. */
    Path save(String target) {
        return figures.save(target);
    }

    /** The environment the session's Python sees (its template plugins among it). */
    Map<String, String> pythonEnvironment() {
        return pythonEnvironment;
    }

    String renderer() {
        return renderer;
    }

    /** Whether the shell was started with --html-cdn, for every plot. */
    boolean htmlCdn() {
        return htmlCdn;
    }

    /**
     * The format of a plot without -o or -f: the shell's -f, else the first format {@code renderer} can
     * write with the packages installed (altair and plotly without their image exporters: HTML).
     */
    OutputFormat defaultFormat(String renderer) {
        if (defaultFormat != null) {
            return defaultFormat;
        }
        List<String> writable;
        try {
            writable = catalog().writableFormats(renderer);
        } catch (ChartonException e) {
            return OutputFormat.PNG; // the plot itself will say what is wrong with Python
        }
        return FORMATS_BY_PREFERENCE.stream().filter(f -> writable.contains(f.optionName())).findFirst()
                .orElse(OutputFormat.PNG);
    }

    /** Makes {@code name} the renderer of plots without -r, once Python confirms it has one by that name. */
    void useRenderer(String name) {
        List<String> known = catalog().names();
        if (!known.contains(name)) {
            String guess = Suggestion.closest(name, known).map(g -> "; did you mean '" + g + "'?").orElse("");
            throw new ChartonException(ExitCode.USAGE, "unknown renderer '" + name + "'" + guess + " (available: "
                    + String.join(", ", known) + ")");
        }
        renderer = name;
    }

    /** The renderers, as Python lists them (charton templates). */
    RendererCatalog catalog() {
        if (catalog == null) {
            catalog = worker.use(renderer, w -> RendererCatalog.fetch(w, timeout));
        }
        return catalog;
    }

    /** Renderer names for completion: Python's list when it can be had, else the built-in ones. */
    List<String> rendererNames() {
        try {
            return catalog().names();
        } catch (ChartonException e) {
            return BuiltinRenderers.NAMES;
        }
    }

    /** Column names of the loaded data, for completion (none without data). */
    List<String> columns() {
        return data == null ? List.of() : data.columns();
    }

    Optional<SessionData> loaded() {
        return Optional.ofNullable(data);
    }

    Path directory() {
        return figures.directory();
    }

    /** Called from the terminal's signal thread on Ctrl-C: stops what the current command is doing. */
    void interrupt() {
        cancel.request();
        worker.interrupt();
    }

    private SessionData data() {
        if (data == null) {
            throw new ChartonException(ExitCode.USAGE, "no data loaded: load FILE first");
        }
        return data;
    }

    private static String text(PythonWorker.Rendered answer) {
        return new String(answer.figure(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        worker.close();
        if (data != null) {
            data.close();
        }
        figures.close();
    }

    /** What a block of Python printed, and the exception it raised (null if none). */
    record PythonRun(String output, PythonFailure raised) {
    }
}
