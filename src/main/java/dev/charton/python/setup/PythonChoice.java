package dev.charton.python.setup;

import java.util.Map;

/**
 * Which Python a figure needs: the {@code --python} option (null: the usual lookup) and the
 * environment its workers see (CHARTON_TEMPLATES, for one). Figures with equal choices can share
 * warm workers.
 */
public record PythonChoice(String option, Map<String, String> environment) {
    public PythonChoice {
        environment = Map.copyOf(environment);
    }

    public PythonSetup setup() {
        return new PythonSetup(environment, System.err, option);
    }
}
