package dev.charton.cli;

import dev.charton.options.PythonOptions;
import dev.charton.options.TemplateOptions;
import dev.charton.pipeline.RendererCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code charton templates}: lists every renderer, as the Python that would run it sees them. */
@Command(name = TemplatesCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List every renderer (built-in ones and template plugins) with its description, formats and "
                + "whether it can run here.",
        footerHeading = "%nExamples:%n",
        footer = {"  charton templates",
                "  charton templates --templates-dir ~/charts/house-style",
                "  CHARTON_TEMPLATES=/team/templates charton templates --json"})
final class TemplatesCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "templates";

    @Option(names = "--json", description = "Print the listing as JSON.")
    boolean json;

    @Mixin
    TemplateOptions templates;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        RendererCatalog catalog = RendererCatalog.fetch(python.setup(templates.environment()), python.timeout());
        System.out.print(json ? catalog.json() : catalog.table());
        System.out.flush();
        return 0;
    }
}
