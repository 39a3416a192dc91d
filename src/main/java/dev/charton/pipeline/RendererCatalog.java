package dev.charton.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;
import dev.charton.table.ArrowStreamSender;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every renderer Python can offer, as Python itself lists it: charton's Java side knows no
 * renderer names, formats or packages. The listing is a request to the worker's catalog
 * renderer, which answers with JSON instead of a figure.
 */
public final class RendererCatalog {
    static final String CATALOG_RENDERER = "_catalog";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLUMNS = List.of("NAME", "STATUS", "FORMATS", "DESCRIPTION");

    private final JsonNode listing;

    private RendererCatalog(JsonNode listing) {
        this.listing = listing;
    }

    public static RendererCatalog fetch(PythonSetup python, Duration timeout) {
        try (PythonWorker worker = python.startWorker(CATALOG_RENDERER)) {
            return fetch(worker, timeout);
        }
    }

    /** The listing, asked of a worker that is already running (the shell's). */
    public static RendererCatalog fetch(PythonWorker worker, Duration timeout) {
        byte[] answer;
        RenderRequest request = new RenderRequest(CATALOG_RENDERER, OutputFormat.JSON, ChartSpec.defaults(), UserCode.NONE);
        try (BufferAllocator allocator = new RootAllocator();
             NoData none = new NoData(allocator)) {
            answer = worker.render(request.toHeader(1), out -> ArrowStreamSender.send(none, out), timeout).figure();
        }
        try {
            return new RendererCatalog(JSON.readTree(answer));
        } catch (IOException e) {
            throw new ChartonException(ExitCode.SOFTWARE, "Python sent an unreadable renderer list: " + e.getMessage(), e);
        }
    }

    /** The name of every renderer, in the listing's order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        listing.path("renderers").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    /**
     * The formats {@code renderer} can write with the packages installed, in its own order; empty for a
     * renderer this listing does not have, or one that writes whatever its figure is (a plugin without FORMATS).
     */
    public List<String> writableFormats(String renderer) {
        List<String> formats = new ArrayList<>();
        for (JsonNode entry : listing.path("renderers")) {
            if (entry.path("name").asText().equals(renderer)) {
                JsonNode unavailable = entry.path("unavailable_formats");
                entry.path("formats").forEach(f -> {
                    if (!unavailable.has(f.asText())) {
                        formats.add(f.asText());
                    }
                });
            }
        }
        return formats;
    }

    /** The listing as Python sent it (JSON). */
    public String json() {
        return listing.toPrettyString() + System.lineSeparator();
    }

    /** One aligned row per renderer, after the interpreter and template directories it was asked in. */
    public String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (JsonNode renderer : listing.path("renderers")) {
            List<String> formats = new ArrayList<>();
            renderer.path("formats").forEach(f -> formats.add(f.asText()));
            String origin = renderer.path("origin").asText();
            String description = renderer.path("description").asText();
            if (!"built-in".equals(origin)) {
                description = (description.isEmpty() ? "" : description + " ") + "(" + origin + ")";
            }
            rows.add(List.of(renderer.path("name").asText(), renderer.path("status").asText(),
                    formats.isEmpty() ? "those of its figure" : String.join(", ", formats), description));
        }
        StringBuilder out = new StringBuilder();
        out.append("Python: ").append(listing.path("python").asText()).append(System.lineSeparator());
        List<String> dirs = new ArrayList<>();
        listing.path("template_dirs").forEach(d -> dirs.add(d.asText()));
        out.append("Template directories: ").append(dirs.isEmpty() ? "none (use --templates-dir or "
                + TemplateDirectories.ENVIRONMENT + ")" : String.join(", ", dirs)).append(System.lineSeparator());
        out.append(System.lineSeparator());
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
