package dev.charton.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.plan.ChartPlan;

import java.util.List;
import java.util.Map;

/**
 * One figure to make: which renderer, in which format, from which spec and user code;
 * {@code pluginDrawsReduced}: the renderer is a template plugin that declares it draws reduced plans;
 * {@code scriptsFromCdn}: an HTML page loads its JavaScript libraries from a CDN rather than carrying them.
 */
public record RenderRequest(String renderer, OutputFormat format, ChartSpec spec, UserCode code,
                            boolean pluginDrawsReduced, boolean scriptsFromCdn) {
    /** The renderer of a figure when none is named: the one source of that default. */
    public static final String DEFAULT_RENDERER = "matplotlib";
    /** The renderers charton ships (python-templates/chartonpy/renderers): they draw the chart grammar. */
    public static final List<String> BUILTIN_RENDERERS = List.of("matplotlib", "seaborn", "altair", "plotly");
    /** The built-in renderers that draw for a browser: without an image exporter installed, they write HTML. */
    private static final List<String> BROWSER_RENDERERS = List.of("altair", "plotly");
    /** The renderer that runs a user's script instead of drawing the grammar. */
    public static final String SCRIPT_RENDERER = "script";

    /**
     * Jackson's mapper, made when the first header is: the options read the names above while another
     * thread may be setting Jackson up (startup.SlowStatics), and should not wait for it.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * The format of a figure file whose name does not tell one: one {@code renderer} writes with
     * charton's own requirements alone (altair's and plotly's images need packages of their own).
     */
    public static OutputFormat formatOf(String renderer) {
        return BROWSER_RENDERERS.contains(renderer) ? OutputFormat.HTML : OutputFormat.PNG;
    }

    public RenderRequest(String renderer, OutputFormat format, ChartSpec spec, UserCode code) {
        this(renderer, format, spec, code, false, false);
    }

    /**
     * The request for {@code renderer}, which Python will look up among the template plugins of
     * {@code environment} when it is not built in.
     */
    public static RenderRequest of(String renderer, OutputFormat format, ChartSpec spec, UserCode code,
                                   Map<String, String> environment) {
        boolean plugin = code.script() == null && !BUILTIN_RENDERERS.contains(renderer);
        return new RenderRequest(renderer, format, spec, code,
                plugin && TemplateDirectories.drawsReducedPlans(renderer, environment), false);
    }

    /** This request, its HTML loading the JavaScript libraries from a CDN or carrying them. */
    public RenderRequest withScriptsFromCdn(boolean fromCdn) {
        return new RenderRequest(renderer, format, spec, code, pluginDrawsReduced, fromCdn);
    }

    /** Whether Python gets the statistic rather than every row: --reduce auto, and a renderer that draws one. */
    public boolean reduces() {
        return spec.reduces() && (drawsTheGrammar() || pluginDrawsReduced);
    }

    /** Whether a renderer charton ships draws this request (not a user's script or a template plugin). */
    public boolean drawsTheGrammar() {
        return code.script() == null && BUILTIN_RENDERERS.contains(renderer);
    }

    /** This request with the plan's decisions in its spec. */
    public RenderRequest planned(ChartPlan plan) {
        return new RenderRequest(renderer, format, spec.planned(plan), code, pluginDrawsReduced, scriptsFromCdn);
    }

    /** The request header of the bridge protocol (docs/protocol.md). */
    public ObjectNode toHeader(long id) {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("id", id);
        header.put("renderer", renderer);
        header.put("format", format.optionName());
        ObjectNode specNode = Json.MAPPER.valueToTree(spec);
        // The worker hands only the spec to the renderer, so the user's code travels inside it.
        if (code.script() != null) {
            specNode.put("script", code.script().toString());
        }
        specNode.set("params", Json.MAPPER.valueToTree(code.params()));
        if (scriptsFromCdn) {
            specNode.put("html_scripts", "cdn");
        }
        header.set("spec", specNode);
        header.put("data", "arrow-stream");
        return header;
    }
}
