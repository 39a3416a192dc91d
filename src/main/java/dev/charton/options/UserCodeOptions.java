package dev.charton.options;

import dev.charton.pipeline.UserCode;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The user's own Python: a script that makes the figure, and parameters for it or a template. */
public final class UserCodeOptions {
    @Option(names = "--script", paramLabel = "FILE",
            description = "Run this Python file to make the figure, with df, table and params in scope.")
    String script;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "A parameter for --script or a template renderer (a string in params); repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    public UserCode toUserCode() {
        return UserCode.of(script, params);
    }
}
