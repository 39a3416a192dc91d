package dev.charton.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.plan.ChartPlan;

import java.util.List;

/** One figure to make: which renderer, in which format, from which spec and user code. */
public record RenderRequest(String renderer, OutputFormat format, ChartSpec spec, UserCode code) {
    /** The renderer of a figure when none is named: the one source of that default. */
    public static final String DEFAULT_RENDERER = "matplotlib";
    /** The renderers charton ships (python-templates/chartonpy/renderers): they draw the chart grammar. */
    public static final List<String> BUILTIN_RENDERERS = List.of("matplotlib", "seaborn", "altair", "plotly");
    /** The renderer that runs a user's script instead of drawing the grammar. */
    public static final String SCRIPT_RENDERER = "script";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a renderer charton ships draws this request (not a user's script or a template plugin). */
    public boolean drawsTheGrammar() {
        return code.script() == null && BUILTIN_RENDERERS.contains(renderer);
    }

    /** This request with the plan's decisions in its spec. */
    public RenderRequest planned(ChartPlan plan) {
        return new RenderRequest(renderer, format, spec.planned(plan), code);
    }

    /** The request header of the bridge protocol (docs/protocol.md). */
    public ObjectNode toHeader(long id) {
        ObjectNode header = JSON.createObjectNode();
        header.put("id", id);
        header.put("renderer", renderer);
        header.put("format", format.optionName());
        ObjectNode specNode = JSON.valueToTree(spec);
        // The worker hands only the spec to the renderer, so the user's code travels inside it.
        if (code.script() != null) {
            specNode.put("script", code.script().toString());
        }
        specNode.set("params", JSON.valueToTree(code.params()));
        header.set("spec", specNode);
        header.put("data", "arrow-stream");
        return header;
    }
}
