package dev.charton.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One figure to make: which renderer, in which format, from which spec. */
public record RenderRequest(String renderer, OutputFormat format, ChartSpec spec) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request header of the bridge protocol (docs/protocol.md). */
    public ObjectNode toHeader(long id) {
        ObjectNode header = JSON.createObjectNode();
        header.put("id", id);
        header.put("renderer", renderer);
        header.put("format", format.optionName());
        header.set("spec", JSON.valueToTree(spec));
        header.put("data", "arrow-stream");
        return header;
    }
}
