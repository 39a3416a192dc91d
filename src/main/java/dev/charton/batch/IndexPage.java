package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.OutputFormat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A page showing every figure of a batch under its title: Markdown (a CI job summary) or HTML (an
 * artifact), told by the file's extension. Figures are linked relative to the page; images are
 * shown, other formats (html, json, pdf) linked.
 */
final class IndexPage {
    private static final Set<OutputFormat> IMAGES = Set.of(OutputFormat.PNG, OutputFormat.SVG, OutputFormat.JPG);

    private final Path file;
    private final Style style;

    private IndexPage(Path file, Style style) {
        this.file = file;
        this.style = style;
    }

    /** Checked before anything renders: a known extension and a directory it can be written to. */
    static IndexPage of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Style style = name.endsWith(".md") || name.endsWith(".markdown") ? new Markdown()
                : name.endsWith(".html") || name.endsWith(".htm") ? new Html() : null;
        if (style == null) {
            throw new ChartonException(ExitCode.USAGE, "--index " + file + ": the page is Markdown (.md) or HTML (.html)");
        }
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, "--index " + file + ": cannot create the directory "
                    + absolute.getParent() + ": " + e.getMessage(), e);
        }
        FigureOutput.of(absolute.toString()).checkWritable();
        return new IndexPage(absolute, style);
    }

    void write(String title, List<ChartResult> results) {
        StringBuilder page = new StringBuilder();
        style.begin(page, title);
        for (ChartResult result : results) {
            Chart chart = result.chart();
            if (result.hasFigure()) {
                String link = link(chart.output());
                if (IMAGES.contains(chart.job().request().format())) {
                    style.image(page, chart.title(), link);
                } else {
                    style.link(page, chart.title(), link, chart.job().request().format().optionName());
                }
            } else {
                style.missing(page, chart.title(), result.failure() == null ? "not rendered (--fail-fast stopped the batch)"
                        : "failed: " + result.failure().getMessage());
            }
        }
        style.end(page);
        FigureOutput.of(file.toString()).write(page.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The figure's path relative to the page, as a URL path (slashes, percent-encoded). */
    private String link(Path figure) {
        String relative = file.getParent().relativize(figure).toString().replace(File.separatorChar, '/');
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a relative path is a URI path", e);
        }
    }

    private interface Style {
        void begin(StringBuilder page, String title);

        void image(StringBuilder page, String title, String link);

        void link(StringBuilder page, String title, String link, String format);

        void missing(StringBuilder page, String title, String why);

        void end(StringBuilder page);
    }

    private static final class Markdown implements Style {
        @Override
        public void begin(StringBuilder page, String title) {
            page.append("# ").append(escape(title)).append("\n\n");
        }

        @Override
        public void image(StringBuilder page, String title, String link) {
            page.append("## ").append(escape(title)).append("\n\n![").append(escape(title)).append("](<")
                    .append(link).append(">)\n\n");
        }

        @Override
        public void link(StringBuilder page, String title, String link, String format) {
            page.append("## ").append(escape(title)).append("\n\n[").append(escape(title)).append(" (")
                    .append(format).append(")](<").append(link).append(">)\n\n");
        }

        @Override
        public void missing(StringBuilder page, String title, String why) {
            page.append("## ").append(escape(title)).append("\n\n*").append(escape(why)).append("*\n\n");
        }

        @Override
        public void end(StringBuilder page) {
        }

        /** Backslash before every ASCII punctuation character Markdown could read as syntax. */
        private static String escape(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.replace('\n', ' ').toCharArray()) {
                if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    private static final class Html implements Style {
        @Override
        public void begin(StringBuilder page, String title) {
            page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                    .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em auto;"
                            + "max-width:70em}img{max-width:100%;border:1px solid #ddd}</style>\n</head>\n<body>\n<h1>")
                    .append(escape(title)).append("</h1>\n");
        }

        @Override
        public void image(StringBuilder page, String title, String link) {
            page.append("<section>\n<h2>").append(escape(title)).append("</h2>\n<img src=\"").append(escape(link))
                    .append("\" alt=\"").append(escape(title)).append("\"/>\n</section>\n");
        }

        @Override
        public void link(StringBuilder page, String title, String link, String format) {
            page.append("<section>\n<h2>").append(escape(title)).append("</h2>\n<p><a href=\"").append(escape(link))
                    .append("\">").append(escape(title)).append(" (").append(format).append(")</a></p>\n</section>\n");
        }

        @Override
        public void missing(StringBuilder page, String title, String why) {
            page.append("<section>\n<h2>").append(escape(title)).append("</h2>\n<p><em>").append(escape(why))
                    .append("</em></p>\n</section>\n");
        }

        @Override
        public void end(StringBuilder page) {
            page.append("</body>\n</html>\n");
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
