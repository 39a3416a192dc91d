package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.SeriesTable;
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

    /**
     * A plugin that declares REDUCED = True gets the statistic Java computed, and the grammar plans
     * it as it plans every row; one that does not gets every row and every column.
     */
    @Test
    void aPluginThatDeclaresReducedGetsTheStatistic() throws IOException {
        String probe = """
                import json

                from chartonpy import grammar

                %s


                def render(df, spec):
                    plan = grammar.plan(df, spec)
                    reduced = spec.reduced or {}
                    return json.dumps({"stat": reduced.get("stat"), "rows": len(df), "columns": list(df.columns),
                                       "kind": plan.kind, "series": plan.series}).encode()
                """;
        Files.writeString(templates.resolve("lean.py"), probe.formatted("REDUCED = True"));
        Files.writeString(templates.resolve("full.py"), probe.formatted(""));
        Path data = SeriesTable.write(tmp.resolve("series.csv"), 50_000);
        JsonNode lean = probe("lean", data);
        assertEquals("points", lean.path("stat").asText());
        assertTrue(lean.path("rows").asInt() <= 4 * 800 * 5, lean::toString);
        assertEquals("line", lean.path("kind").asText());
        assertEquals(java.util.Set.of("alpha", "beta", "delta", "epsilon", "gamma"), java.util.Set.copyOf(strings(lean.path("series"))));
        JsonNode full = probe("full", data);
        assertTrue(full.path("stat").isNull(), full::toString);
        assertEquals(50_000, full.path("rows").asInt());
        assertEquals(List.of("t", "value", "other", "cat", "group", "n"), strings(full.path("columns")));
        assertEquals(strings(lean.path("series")), strings(full.path("series")), "the same plan from both");

        Charton.Result listing = Charton.run("templates", "--json", "--templates-dir", templates.toString()).go();
        assertEquals(0, listing.exitCode(), listing::toString);
        for (JsonNode renderer : Figures.json(listing.stdout()).path("renderers")) {
            if (renderer.path("name").asText().equals("lean")) {
                assertTrue(renderer.path("reduced").asBoolean(), renderer::toString);
            }
        }
    }

    /** What the probe plugin saw; its JSON goes to a .png path, so the statistic is the PNG grid's. */
    private JsonNode probe(String plugin, Path data) {
        Path out = tmp.resolve(plugin + ".png");
        Charton.Result r = Charton.run("plot", data.toString(), "--templates-dir", templates.toString(), "-r", plugin,
                "--x", "t", "--y", "value", "--color", "cat", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        return Figures.json(Figures.bytes(out));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
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
