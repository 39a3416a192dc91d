package dev.charton.cli.docs;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One man page per visible command: picocli's ManPageGenerator writes AsciiDoc from the model,
 * hand-written sections (src/docs/man/NAME.adoc: environment, files...) go in before the examples,
 * a SEE ALSO section links the pages, and Asciidoctor turns each into troff.
 */
final class ManPages {
    private static final String FOOTER_TAG = "// tag::picocli-generated-man-section-footer[]";

    private ManPages() {
    }

    /** Page file name (charton.1, charton-plot.1...) to troff source. */
    static Map<String, String> generate(CommandLine root, Path extraSections) {
        List<CommandSpec> pages = new ArrayList<>();
        DocsModel.forEachCommand(root, spec -> {
            if (!spec.usageMessage().hidden()) {
                pages.add(spec);
            }
        });
        Map<String, String> troff = new LinkedHashMap<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (CommandSpec spec : pages) {
                String name = spec.qualifiedName("-");
                String adoc = withExtras(asciiDoc(spec), extras(extraSections.resolve(name + ".adoc")), seeAlso(spec, pages));
                troff.put(name + ".1", asciidoctor.convert(adoc, options()));
            }
        }
        return troff;
    }

    private static String asciiDoc(CommandSpec spec) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        return text.toString().replace("\r\n", "\n");
    }

    private static String withExtras(String adoc, String extras, String seeAlso) {
        int footer = adoc.indexOf(FOOTER_TAG);
        if (footer < 0) {
            throw new IllegalStateException("picocli's man page no longer has the tag " + FOOTER_TAG);
        }
        return adoc.substring(0, footer) + extras + adoc.substring(footer) + seeAlso;
    }

    private static String extras(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() + "\n\n" : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seeAlso(CommandSpec spec, List<CommandSpec> pages) {
        List<String> others = pages.stream().filter(p -> p != spec).map(p -> "*" + p.qualifiedName("-") + "*(1)").toList();
        return others.isEmpty() ? "" : "\n== See also\n\n" + String.join(", ", others) + "\n";
    }

    private static Options options() {
        // "reproducible" leaves the build date out, so a regenerated page is byte-for-byte the same.
        return Options.builder().backend("manpage").standalone(true).safe(SafeMode.SAFE)
                .attributes(Attributes.builder().attribute("reproducible", "").build()).build();
    }
}
