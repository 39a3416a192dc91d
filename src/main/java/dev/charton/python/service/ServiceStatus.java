package dev.charton.python.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.python.protocol.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running worker service as its status file describes it (chartonpy/service.py rewrites the file
 * at every change): for {@code charton daemon status|stop} and {@code charton doctor}.
 */
public record ServiceStatus(long pid, String interpreter, String python, Instant startedAt, Instant lastActiveAt,
                            int busy, long served, Duration idleLimit, Path socket) {

    /** The services of this user that run now; status files left by a process that is gone are skipped. */
    public static List<ServiceStatus> running(Map<String, String> env) {
        List<ServiceStatus> found = new ArrayList<>();
        Optional<Path> directory = ServiceDirectory.find(env, false);
        if (directory.isEmpty()) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.get(), "*.json")) {
            for (Path file : files) {
                read(file).filter(ServiceStatus::isRunning).ifPresent(found::add);
            }
        } catch (IOException e) {
            // The directory went away while listed: nothing runs from it.
        }
        return found;
    }

    /** Where the services of {@code env}'s user live (for messages), or a reason there is none. */
    public static String directory(Map<String, String> env) {
        try {
            return ServiceDirectory.location(env).toString();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Optional<ServiceStatus> read(Path file) {
        try {
            JsonNode s = Json.parse(Files.readAllBytes(file));
            return Optional.of(new ServiceStatus(s.path("pid").asLong(), s.path("interpreter").asText(),
                    s.path("python").asText(), seconds(s.path("started_at")), seconds(s.path("last_active_at")),
                    s.path("busy").asInt(), s.path("served").asLong(),
                    Duration.ofMillis((long) (s.path("idle_limit_s").asDouble() * 1000)), Path.of(s.path("socket").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // being replaced, or not a status file
        }
    }

    private static Instant seconds(JsonNode epochSeconds) {
        return Instant.ofEpochMilli((long) (epochSeconds.asDouble() * 1000));
    }

    /** How long it has had nothing to do (zero while it serves a request). */
    public Duration idle(Instant now) {
        return busy > 0 ? Duration.ZERO : Duration.between(lastActiveAt, now);
    }

    /** The process is alive and is this service (not another process that got its pid). */
    private boolean isRunning() {
        return process().isPresent();
    }

    private Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(socket.toString())).orElse(false));
    }

    /**
     * Asks the service to leave (SIGTERM: it kills the requests it serves, removes its socket and
     * status file) and waits for it; one that has not left after {@code patience} is killed.
     */
    public void stop(Duration patience) {
        process().ifPresent(service -> {
            service.destroy();
            try {
                service.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                service.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.destroyForcibly();
            }
        });
    }
}
