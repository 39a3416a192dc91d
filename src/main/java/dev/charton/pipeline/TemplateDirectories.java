package dev.charton.pipeline;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Python looks for template plugins: the {@code --templates-dir} directories first, then
 * those already on {@code CHARTON_TEMPLATES}. Python discovers plugins from that one variable, so
 * the option and the environment are a single mechanism.
 */
public final class TemplateDirectories {
    public static final String ENVIRONMENT = "CHARTON_TEMPLATES";

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
}
