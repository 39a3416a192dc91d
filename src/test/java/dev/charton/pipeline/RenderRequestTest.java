package dev.charton.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches Python: the spec as JSON data, the user's code inside it, template directories in the environment. */
class RenderRequestTest {
    @TempDir
    Path tmp;

    @Test
    void theSpecTravelsAsSnakeCaseJsonWithTheUsersCodeInside() throws IOException {
        Path script = Files.writeString(tmp.resolve("plot.py"), "fig = None\n");
        ChartSpec spec = new ChartSpec("bar", "region", List.of("units", "revenue"), "product", "month",
                "Sales", null, "sum", 640, 480, 120, "dark", false, true, null, "sum", "none");
        UserCode code = UserCode.of(script.toString(), Map.of("window", "7"));
        JsonNode header = new RenderRequest(RenderRequest.SCRIPT_RENDERER, OutputFormat.SVG, spec, code).toHeader(3);
        assertEquals("script", header.path("renderer").asText());
        assertEquals("svg", header.path("format").asText());
        JsonNode json = header.path("spec");
        assertEquals("bar", json.path("kind").asText());
        assertEquals("revenue", json.path("y").path(1).asText());
        assertTrue(json.path("log_y").asBoolean());
        assertFalse(json.path("log_x").asBoolean());
        assertTrue(json.path("bins").isNull());
        assertEquals(120, json.path("dpi").asInt());
        assertEquals(script.toAbsolutePath().toString(), json.path("script").asText());
        assertEquals("7", json.path("params").path("window").asText());
    }

    @Test
    void withoutAScriptTheSpecHasNone() {
        JsonNode spec = new RenderRequest("matplotlib", OutputFormat.PNG, ChartSpec.defaults(), UserCode.NONE)
                .toHeader(1).path("spec");
        assertTrue(spec.path("script").isMissingNode());
        assertEquals(0, spec.path("params").size());
        assertEquals(ChartSpec.DEFAULT_WIDTH, spec.path("width").asInt());
    }

    @Test
    void sizesAndBinsMustBePositive() {
        ChartonException e = assertThrows(ChartonException.class, () -> new ChartSpec(null, null, List.of(), null, null,
                null, null, null, 800, 600, 100, null, false, false, 0, null, null));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--bins must be a positive number, not 0", e.getMessage());
    }

    @Test
    void aMissingScriptIsNoInput() {
        ChartonException e = assertThrows(ChartonException.class,
                () -> UserCode.of(tmp.resolve("nope.py").toString(), Map.of()));
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
    }

    @Test
    void templateDirectoriesGoFirstOnTheEnvironmentVariable() throws IOException {
        Path house = Files.createDirectory(tmp.resolve("house"));
        Map<String, String> env = Map.of("CHARTON_TEMPLATES", "/team/templates", "HOME", "/home/me");
        Map<String, String> result = TemplateDirectories.environment(List.of(house.toString()), env);
        assertEquals(house + File.pathSeparator + "/team/templates", result.get("CHARTON_TEMPLATES"));
        assertEquals("/home/me", result.get("HOME"));
        assertSame(env, TemplateDirectories.environment(List.of(), env));
        ChartonException e = assertThrows(ChartonException.class,
                () -> TemplateDirectories.environment(List.of(tmp.resolve("nope").toString()), env));
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
    }
}
