package dev.charton.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.bridge.Json;

/** One figure to make: which renderer, in which format, from which spec. */
public record RenderRequest(String renderer, OutputFormat format, ChartSpec spec) {
    /** The request header of the bridge protocol (docs/protocol.md). */
    public ObjectNode toHeader(long id) {
        ObjectNode header = Json.object();
        header.put("id", id);
        header.put("renderer", renderer);
        header.put("format", format.optionName());
        header.set("spec", Json.tree(spec));
        header.put("data", "arrow-stream");
        return header;
    }
}
