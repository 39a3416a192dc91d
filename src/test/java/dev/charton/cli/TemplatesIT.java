package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.charton.cli.RenderersIT.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Template plugins and {@code charton templates}: what Python finds is what the user can use. */
class TemplatesIT {
    @TempDir
    Path tmp;

    Path templates;

    @BeforeEach
    void writeTemplates() throws IOException {
        templates = Files.createDirectory(tmp.resolve("house"));
        Files.writeString(templates.resolve("house.py"), """
                \"""The house style: grey lines and a big title.\"""
                import matplotlib.pyplot as plt


                def render(df, spec):
                    fig, ax = plt.subplots()
                    ax.plot(df[spec.x], df[spec.y[0]], color="0.35")
                    ax.set_title(spec.title or "", fontsize=22)
                    return fig
                """);
        Files.writeString(templates.resolve("needy.py"), """
                \"""Needs a package nobody has.\"""
                import charton_no_such_package


                def render(df, spec):
                    return None
                """);
        Files.writeString(templates.resolve("helpers.py"), "GREY = '0.35'\n");
    }

    @Test
    void templatesListsEveryRendererWithItsFormatsAndStatus() {
        Charton.Result r = Charton.run("templates", "--templates-dir", templates.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.stdoutText().lines().toList();
        assertTrue(lines.get(0).startsWith("Python: "), r.stdoutText());
        assertTrue(lines.get(1).contains(templates.toString()), r.stdoutText());
        assertTrue(row(lines, "matplotlib").matches("matplotlib +ready +png, svg, pdf, jpg +static figures.*"), r.stdoutText());
        assertTrue(row(lines, "altair").contains("json, html, svg, png, pdf"), r.stdoutText());
        assertTrue(row(lines, "house").matches("house +ready +png, svg, pdf, jpg +The house style.*house\\.py\\)"),
                r.stdoutText());
        assertTrue(row(lines, "needy").contains("needs charton_no_such_package"), r.stdoutText());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("helpers")), "a file without render() is no template");
    }

    @Test
    void theEnvironmentVariableFindsTemplatesToo() {
        Charton.Result r = Charton.run("templates", "--json").env("CHARTON_TEMPLATES", templates.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode listing = Figures.json(r.stdout());
        assertEquals(templates.toString(), listing.path("template_dirs").path(0).asText());
        JsonNode house = null;
        for (JsonNode renderer : listing.path("renderers")) {
            if ("house".equals(renderer.path("name").asText())) {
                house = renderer;
            }
        }
        assertTrue(house != null, listing::toPrettyString);
        assertEquals(templates.resolve("house.py").toString(), house.path("origin").asText());
    }

    @Test
    void aTemplateIsARenderer() {
        Path out = tmp.resolve("house.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--templates-dir",
                templates.toString(), "--renderer", "house", "--x", "date", "--y", "temp_max", "--title", "Max",
                "--width", "500", "--height", "300", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(500, Png.decode(out).getWidth());
        assertEquals(300, Png.decode(out).getHeight());
    }

    @Test
    void aTemplateWithAMissingPackageSaysWhatToInstall() {
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--renderer", "needy",
                "-o", tmp.resolve("x.png").toString()).env("CHARTON_TEMPLATES", templates.toString())
                .env("CHARTON_NO_SETUP", "1").go();
        assertEquals(69, r.exitCode(), r::toString);
        assertTrue(r.chartonLines().size() == 1 && r.stderr().contains("charton_no_such_package"), r::toString);
    }

    @Test
    void anUnknownRendererListsTheAvailableOnes() {
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--renderer", "houze",
                "--templates-dir", templates.toString(), "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "unknown renderer 'houze'; did you mean 'house'? (available: altair, matplotlib, plotly, seaborn, house, needy;");
    }

    @Test
    void aMissingTemplatesDirectoryIsNoInput() {
        Charton.Result r = Charton.run("templates", "--templates-dir", tmp.resolve("nope").toString()).go();
        assertEquals(66, r.exitCode(), r::toString);
        assertOneLine(r, "--templates-dir " + tmp.resolve("nope") + ": no such directory");
    }

    private static String row(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + String.join("\n", lines)));
    }
}
