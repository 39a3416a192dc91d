package dev.charton.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.python.protocol.Json;
import dev.charton.python.service.ServiceSettings;
import dev.charton.python.service.ServiceStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code charton daemon status|stop}, and the worker service's part of {@code charton doctor}: the
 * Python services of this user that outlive a command (docs/protocol.md, "The worker service").
 */
public final class Daemon {
    /** How long a service has to leave on SIGTERM before it is killed. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    private final Map<String, String> env;

    public Daemon(Map<String, String> env) {
        this.env = env;
    }

    /** Whether commands use a service, where services live, and the ones running. */
    public ObjectNode status() {
        ObjectNode report = Json.object();
        report.put("setting", setting());
        report.put("directory", ServiceStatus.directory(env));
        ArrayNode services = report.putArray("running");
        Instant now = Instant.now();
        for (ServiceStatus s : ServiceStatus.running(env)) {
            services.addObject().put("pid", s.pid()).put("interpreter", s.interpreter()).put("python", s.python())
                    .put("started_at", s.startedAt().toString()).put("idle_s", s.idle(now).toSeconds())
                    .put("idle_limit_s", s.idleLimit().toSeconds()).put("busy", s.busy()).put("served", s.served())
                    .put("socket", s.socket().toString());
        }
        return report;
    }

    /** Stops every running service of this user; returns the pids stopped. */
    public List<Long> stop() {
        List<ServiceStatus> running = ServiceStatus.running(env);
        running.forEach(s -> s.stop(STOP_PATIENCE));
        return running.stream().map(ServiceStatus::pid).toList();
    }

    private String setting() {
        String variable = ServiceSettings.VARIABLE;
        String value = env.get(variable);
        try {
            return ServiceSettings.from(env).map(s -> "on: a service leaves after " + duration(s.idle()) + " idle ("
                            + (value == null || value.isBlank() ? "the default; " : "") + variable + ")")
                    .orElse(value == null || value.isBlank() ? "off under CI=true (set " + variable + " to use it)"
                            : "off (" + variable + "=" + value + ")");
        } catch (RuntimeException e) {
            return "off: " + e.getMessage();
        }
    }

    /** The status as text for a terminal. */
    public static String toText(ObjectNode status) {
        StringBuilder out = new StringBuilder("Worker service: ").append(status.path("setting").asText()).append('\n');
        if (status.path("running").isEmpty()) {
            out.append("  none running (").append(status.path("directory").asText()).append(")\n");
        }
        status.path("running").forEach(s -> out.append("  pid ").append(s.path("pid").asLong()).append(": ")
                .append(s.path("interpreter").asText()).append(" (Python ").append(s.path("python").asText())
                .append("), ").append(s.path("busy").asInt() > 0 ? s.path("busy").asInt() + " busy"
                        : "idle " + duration(Duration.ofSeconds(s.path("idle_s").asLong())))
                .append(", ").append(s.path("served").asLong()).append(" requests served, socket ")
                .append(s.path("socket").asText()).append('\n'));
        return out.toString();
    }

    private static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + " h";
        }
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
