package dev.charton.pipeline;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Python looks for template plugins: the {@code --templates-dir} directories first, then
 * those already on {@code CHARTON_TEMPLATES}. Python discovers plugins from that one variable, so
 * the option and the environment are a single mechanism.
 */
public final class TemplateDirectories {
    public static final String ENVIRONMENT = "CHARTON_TEMPLATES";
    private static final Pattern REDUCED_DECLARATION = Pattern.compile("REDUCED\\s*=\\s*True\\s*(#.*)?");

    private TemplateDirectories() {
    }

    /** {@code environment} with the checked, absolute {@code directories} put first on CHARTON_TEMPLATES. */
    public static Map<String, String> environment(List<String> directories, Map<String, String> environment) {
        if (directories.isEmpty()) {
            return environment;
        }
        List<String> path = new ArrayList<>();
        for (String directory : directories) {
            Path dir = Path.of(directory).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new ChartonException(ExitCode.NO_INPUT, "--templates-dir " + directory + ": no such directory");
            }
            path.add(dir.toString());
        }
        String inherited = environment.get(ENVIRONMENT);
        if (inherited != null && !inherited.isBlank()) {
            path.add(inherited);
        }
        Map<String, String> result = new HashMap<>(environment);
        result.put(ENVIRONMENT, String.join(File.pathSeparator, path));
        return result;
    }

    /** The plugin file Python would load for {@code renderer} (the first directory holding it wins), if any. */
    public static Optional<Path> plugin(String renderer, Map<String, String> environment) {
        for (String directory : environment.getOrDefault(ENVIRONMENT, "").split(File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, renderer + ".py");
            if (candidate != null && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the plugin for {@code renderer} declares {@code REDUCED = True} at module level: it
     * draws the statistic charton computes (docs/plan.md) rather than every row. Read as a literal,
     * as Python reads a plugin's {@code FORMATS}: finding it runs none of the plugin's code.
     */
    public static boolean drawsReducedPlans(String renderer, Map<String, String> environment) {
        return plugin(renderer, environment).map(TemplateDirectories::declaresReduced).orElse(false);
    }

    private static boolean declaresReduced(Path plugin) {
        try {
            return Files.readAllLines(plugin).stream().anyMatch(line -> REDUCED_DECLARATION.matcher(line).matches());
        } catch (IOException | UncheckedIOException e) {
            return false; // unreadable: Python reports it when it loads the plugin
        }
    }
}
