package dev.charton.options;

import dev.charton.pipeline.TemplateDirectories;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where template plugins (NAME.py defining render(df, spec)) are found. */
public final class TemplateOptions {
    @Option(names = "--templates-dir", paramLabel = "DIR",
            description = "A directory of template plugins: each NAME.py defining render(df, spec) becomes --renderer NAME; "
                    + "repeatable, searched before CHARTON_TEMPLATES.")
    List<String> directories = new ArrayList<>();

    /** The process environment with these directories put first on CHARTON_TEMPLATES. */
    public Map<String, String> environment() {
        return TemplateDirectories.environment(directories, System.getenv());
    }
}
