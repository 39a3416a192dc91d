package dev.charton.python.service;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether commands use the worker service, and how long it waits for work before it leaves:
 * {@code CHARTON_WORKER_IDLE} (seconds, or with s, m or h; default 10 minutes; 0 turns it off).
 * Under {@code CI=true} it is off unless the variable is set, so a CI job leaves no process behind.
 */
public record ServiceSettings(Duration idle) {
    public static final String VARIABLE = "CHARTON_WORKER_IDLE";
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*([smh]?)");

    /** The settings {@code env} asks for, or empty when the service is off. */
    public static Optional<ServiceSettings> from(Map<String, String> env) {
        String value = env.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return "true".equals(env.get("CI")) ? Optional.empty() : Optional.of(new ServiceSettings(DEFAULT_IDLE));
        }
        Duration idle = parse(value);
        return idle.isZero() ? Optional.empty() : Optional.of(new ServiceSettings(idle));
    }

    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new ChartonException(ExitCode.USAGE, VARIABLE + ": '" + text + "' is not a duration: give seconds,"
                    + " or minutes or hours such as 10m or 1h (0 turns the worker service off)");
        }
        long number = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(number);
            case "h" -> Duration.ofHours(number);
            default -> Duration.ofSeconds(number);
        };
    }
}
