package dev.charton.python.setup;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --memory-limit SIZE}: how much address space one request may add to its Python worker
 * (RLIMIT_AS, set by chartonpy/memory_limit.py when the request arrives, on top of what the
 * worker has mapped by then). It reaches Python as a number of bytes in the worker's environment,
 * so workers with different limits are never shared.
 */
public final class MemoryLimit {
    /** The variable charton sets for its workers (the worker removes it from its own environment). */
    public static final String WORKER_VARIABLE = "CHARTON_WORKER_MEMORY_LIMIT";
    /** The user's default when --memory-limit is not given. */
    public static final String USER_VARIABLE = "CHARTON_MEMORY_LIMIT";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmgt]?)(i?b)?");

    private MemoryLimit() {
    }

    /** Bytes of a size such as 512M, 2G, 1536m, 4096K or 1073741824 (K, M, G, T are powers of 1024). */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: give a number of bytes with K, M, G or T,"
                    + " such as 512M or 2G");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long number = Long.parseLong(m.group(1));
        if (number == 0 || number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is " + (number == 0 ? "no memory at all" : "too large")
                    + ": give a size such as 512M or 2G");
        }
        return number << shift;
    }

    /**
     * {@code env} as Python workers get it: with the limit {@code optionBytes} (--memory-limit), else
     * the user's default CHARTON_MEMORY_LIMIT (a bad value is a usage error), else none.
     */
    public static Map<String, String> workerEnvironment(Map<String, String> env, Long optionBytes) {
        Long bytes = optionBytes != null ? optionBytes : fromEnvironment(env);
        Map<String, String> withLimit = new HashMap<>(env);
        withLimit.remove(WORKER_VARIABLE);
        if (bytes != null) {
            withLimit.put(WORKER_VARIABLE, Long.toString(bytes));
        }
        return withLimit;
    }

    private static Long fromEnvironment(Map<String, String> env) {
        String value = env.get(USER_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new ChartonException(ExitCode.USAGE, USER_VARIABLE + ": " + e.getMessage());
        }
    }
}
