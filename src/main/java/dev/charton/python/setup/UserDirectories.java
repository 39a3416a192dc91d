package dev.charton.python.setup;

import java.nio.file.Path;
import java.util.Map;

/** The XDG base directories charton keeps its data, caches and state in. */
public record UserDirectories(Path data, Path cache, Path state) {

    public static UserDirectories from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        return new UserDirectories(
                xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return (value == null || value.isBlank() ? fallback : Path.of(value)).resolve("charton");
    }
}
