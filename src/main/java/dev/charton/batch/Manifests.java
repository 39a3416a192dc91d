package dev.charton.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.output.FigureOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What --incremental remembers: in each output directory, {@value #FILE_NAME} maps every figure a
 * batch wrote there to the fingerprint it was drawn from and its size. A figure is up to date when
 * the fingerprint is the same and the file is still there, as written.
 */
final class Manifests {
    static final String FILE_NAME = ".charton-batch.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Map<Path, ObjectNode> figuresByDirectory = new LinkedHashMap<>();

    boolean upToDate(Path output, String fingerprint) {
        JsonNode entry = figures(output.getParent()).path(output.getFileName().toString());
        try {
            return fingerprint.equals(entry.path("fingerprint").asText())
                    && Files.isRegularFile(output) && Files.size(output) == entry.path("size").asLong(-1);
        } catch (IOException e) {
            return false;
        }
    }

    void record(Path output, String fingerprint) {
        ObjectNode entry = figures(output.getParent()).putObject(output.getFileName().toString());
        entry.put("fingerprint", fingerprint);
        try {
            entry.put("size", Files.size(output));
        } catch (IOException e) {
            entry.put("size", -1);
        }
    }

    void forget(Path output) {
        figures(output.getParent()).remove(output.getFileName().toString());
    }

    /** Writes every manifest that was read, each atomically. */
    void save() {
        figuresByDirectory.forEach((directory, figures) -> {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("version", VERSION);
            manifest.set("figures", figures);
            try {
                FigureOutput.of(directory.resolve(FILE_NAME).toString())
                        .write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            } catch (IOException e) {
                throw new IllegalStateException("a manifest is always JSON", e);
            }
        });
    }

    private ObjectNode figures(Path directory) {
        return figuresByDirectory.computeIfAbsent(directory, Manifests::load);
    }

    /** The figures of a directory's manifest; none when it is missing, unreadable or from another version. */
    private static ObjectNode load(Path directory) {
        try {
            JsonNode manifest = JSON.readTree(directory.resolve(FILE_NAME).toFile());
            if (manifest != null && manifest.path("version").asInt() == VERSION && manifest.get("figures") instanceof ObjectNode figures) {
                return figures;
            }
        } catch (IOException e) {
            // Rendered afresh: the manifest will be rewritten.
        }
        return JSON.createObjectNode();
    }
}
