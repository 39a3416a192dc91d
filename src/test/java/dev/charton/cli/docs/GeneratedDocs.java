package dev.charton.cli.docs;

import dev.charton.cli.VersionProvider;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every file generated from the command model, by repository-relative path. */
final class GeneratedDocs {
    /** Directories that hold only generated files: anything else in them is stale. */
    static final List<String> DIRECTORIES = List.of("completions", "man");
    static final String REGENERATE = "mvn -B -Pregen-docs process-test-classes";

    private GeneratedDocs() {
    }

    static Map<String, String> generate(Path repo) {
        CommandLine model = DocsModel.commandLine(VersionProvider.releaseNumber());
        String name = model.getCommandName();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("completions/" + name + ".bash", AutoComplete.bash(name, model));
        files.put("completions/_" + name, ZshCompletion.script(model));
        files.put("completions/" + name + ".fish", FishCompletion.script(model));
        ManPages.generate(model, repo.resolve("src/docs/man")).forEach((page, troff) -> files.put("man/" + page, troff));
        return files;
    }
}
