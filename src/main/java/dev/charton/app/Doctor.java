package dev.charton.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.pipeline.RenderRequest;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.Json;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.ManagedEnvironment;
import dev.charton.python.setup.PythonCandidate;
import dev.charton.python.setup.PythonSetup;
import dev.charton.python.setup.WorkerLauncher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * charton doctor: which Python charton would use and why, and what that Python can do (renderers,
 * formats, Arrow reader, package versions), with the pip commands for whatever is missing. It only
 * looks: it never sets up or changes an environment.
 */
public final class Doctor {
    /** The renderer a plain {@code charton plot} uses: an interpreter must run it to be chosen. */

    private final PythonSetup setup;
    private final Map<String, String> env;
    private final Duration timeout;

    /** {@code timeout}: how long one interpreter may take to describe itself (null: no limit). */
    public Doctor(PythonSetup setup, Map<String, String> env, Duration timeout) {
        this.setup = setup;
        this.env = env;
        this.timeout = timeout;
    }

    /** Examines the candidates in charton's order until one can run the default renderer. */
    public ObjectNode examine() {
        ObjectNode report = Frame.object();
        ArrayNode candidates = report.putArray("candidates");
        WorkerLauncher launcher = setup.launcher("none");
        JsonNode refusedExplicit = null;
        boolean explicitRefused = false;
        for (PythonCandidate candidate : setup.candidates()) {
            ObjectNode entry = candidates.addObject();
            entry.put("executable", candidate.executable().toString());
            entry.put("origin", candidate.origin());
            if (report.has("chosen")) {
                entry.put("status", "not examined (an earlier one was chosen)");
                continue;
            }
            JsonNode probe = probe(launcher, candidate, entry);
            if (probe != null && missingFor(probe, RenderRequest.DEFAULT_RENDERER).isEmpty()) {
                entry.put("status", "chosen");
                report.set("chosen", chosen(candidate, probe));
            } else if (candidate.explicit()) {
                refusedExplicit = probe;
                explicitRefused = true;
            }
        }
        ManagedEnvironment managed = setup.managedEnvironment();
        report.putObject("managed_environment").put("path", managed.root().toString()).put("ready", managed.isReady());
        if (!report.has("chosen")) {
            report.put("fallback", explicitRefused || candidates.path(0).path("status").asText().equals("not found")
                    ? "none: " + candidates.path(0).path("origin").asText() + " names the only Python charton may use,"
                    + " and it cannot run the " + RenderRequest.DEFAULT_RENDERER + " renderer"
                    : "1".equals(env.get("CHARTON_NO_SETUP"))
                    ? "none: CHARTON_NO_SETUP=1 stops charton from setting up its own environment"
                    : "charton plot will create its environment in " + managed.root()
                    + " with python3 on PATH and pip install -r requirements.txt (numpy pandas pyarrow matplotlib)");
        }
        report.set("service", new Daemon(env).status());
        report.set("install", installCommands(report.has("chosen") ? report.path("chosen")
                : refusedExplicit == null ? Frame.object() : refusedExplicit));
        return report;
    }

    private JsonNode probe(WorkerLauncher launcher, PythonCandidate candidate, ObjectNode entry) {
        if (!Files.isExecutable(candidate.executable())) {
            entry.put("status", "not found");
            return null;
        }
        try (PythonWorker worker = launcher.start(candidate.executable())) {
            if (worker.info().tooOld()) {
                entry.put("python", worker.info().pythonVersion());
                entry.put("status", "too old: " + worker.info().tooOldReason() + ", the oldest charton supports");
                return null;
            }
            JsonNode probe = worker.probe(timeout);
            List<String> missing = missingFor(probe, RenderRequest.DEFAULT_RENDERER);
            entry.put("python", probe.path("python").asText());
            if (!missing.isEmpty()) {
                entry.put("status", "lacks " + String.join(", ", missing));
            }
            return probe;
        } catch (ChartonException e) {
            entry.put("status", "unusable: " + e.getMessage());
            return null;
        }
    }

    private static ObjectNode chosen(PythonCandidate candidate, JsonNode probe) {
        ObjectNode chosen = ((ObjectNode) probe).deepCopy();
        chosen.put("origin", candidate.origin());
        chosen.put("why", candidate.explicit()
                ? "named by " + candidate.origin()
                : "the first of --python, CHARTON_PYTHON, VIRTUAL_ENV, charton's managed environment and python3 on PATH"
                + " that exists and can import what the " + RenderRequest.DEFAULT_RENDERER + " renderer needs");
        return chosen;
    }

    private static List<String> missingFor(JsonNode probe, String renderer) {
        for (JsonNode r : probe.path("renderers")) {
            if (renderer.equals(r.path("name").asText())) {
                return strings(r.path("missing"));
            }
        }
        return List.of(renderer);
    }

    /** One pip command per need: a renderer's packages, a format's extra packages, a faster reader. */
    private static ArrayNode installCommands(JsonNode chosen) {
        ArrayNode commands = Json.array();
        if (chosen.isEmpty()) {
            return commands;
        }
        String pip = chosen.path("executable").asText() + " -m pip install ";
        for (JsonNode renderer : chosen.path("renderers")) {
            Set<String> missing = new LinkedHashSet<>(strings(renderer.path("missing")));
            Iterator<Map.Entry<String, JsonNode>> formats = renderer.path("formats").fields();
            while (formats.hasNext()) {
                missing.addAll(strings(formats.next().getValue().path("missing")));
            }
            if (!missing.isEmpty()) {
                commands.addObject().put("for", "renderer " + renderer.path("name").asText())
                        .put("command", pip + String.join(" ", missing));
            }
        }
        return commands;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The report as text for a terminal. */
    public static String toText(JsonNode report) {
        StringBuilder out = new StringBuilder();
        JsonNode chosen = report.path("chosen");
        if (chosen.isMissingNode()) {
            out.append("Python: none usable\n  ").append(report.path("fallback").asText()).append('\n');
        } else {
            out.append("Python: ").append(chosen.path("executable").asText()).append(" (")
                    .append(chosen.path("implementation").asText()).append(' ').append(chosen.path("python").asText())
                    .append(")\n  from: ").append(chosen.path("origin").asText())
                    .append("\n  why: ").append(chosen.path("why").asText()).append('\n');
        }
        out.append("Candidates, in charton's order:\n");
        for (JsonNode c : report.path("candidates")) {
            out.append("  ").append(c.path("executable").asText()).append(" (").append(c.path("origin").asText())
                    .append("): ").append(c.path("status").asText("usable")).append('\n');
        }
        out.append("Managed environment: ").append(report.path("managed_environment").path("path").asText())
                .append(report.path("managed_environment").path("ready").asBoolean() ? " (ready)\n" : " (not set up)\n");
        if (!chosen.isMissingNode()) {
            appendCapabilities(out, chosen);
        }
        if (report.path("service").isObject()) {
            out.append(Daemon.toText((ObjectNode) report.path("service")));
        }
        JsonNode install = report.path("install");
        out.append(install.isEmpty() ? "Nothing is missing.\n" : "To install what is missing:\n");
        install.forEach(i -> out.append("  ").append(i.path("command").asText()).append("   # ")
                .append(i.path("for").asText()).append('\n'));
        return out.toString();
    }

    private static void appendCapabilities(StringBuilder out, JsonNode chosen) {
        JsonNode reader = chosen.path("reader");
        String readerName = reader.path("name").asText("none");
        out.append("Arrow reader: ").append(readerName);
        JsonNode readerVersion = chosen.path("packages").path(readerName);
        if (readerVersion.isTextual()) {
            out.append(' ').append(readerVersion.asText());
        }
        out.append(" (").append(reader.path("reason").asText()).append(")\n");
        out.append("Packages:");
        chosen.path("packages").fields().forEachRemaining(p -> out.append(' ').append(p.getKey()).append(' ')
                .append(p.getValue().isNull() ? "(not installed)" : p.getValue().asText()).append(','));
        out.setLength(out.length() - 1);
        out.append("\nRenderers:\n");
        for (JsonNode r : chosen.path("renderers")) {
            List<String> missing = strings(r.path("missing"));
            out.append(String.format("  %-12s %s", r.path("name").asText(), missing.isEmpty()
                    ? (r.has("error") ? "broken: " + r.path("error").asText() : "available") : "missing " + String.join(", ", missing)));
            List<String> versions = new ArrayList<>();
            r.path("packages").fields().forEachRemaining(p -> versions.add(p.getKey() + " "
                    + (p.getValue().isNull() ? "-" : p.getValue().asText())));
            if (!versions.isEmpty()) {
                out.append(" (").append(String.join(", ", versions)).append(')');
            }
            List<String> formats = new ArrayList<>();
            r.path("formats").fields().forEachRemaining(f -> formats.add(f.getKey()
                    + (f.getValue().path("missing").isEmpty() ? "" : " (needs " + String.join(", ", strings(f.getValue().path("missing"))) + ")")));
            if (!formats.isEmpty()) {
                out.append("\n               formats: ").append(String.join(", ", formats));
            }
            out.append('\n');
        }
    }
}
