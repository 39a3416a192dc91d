package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charton doctor}, run through the launcher against real interpreters. */
class DoctorIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesThePythonItsVersionRenderersFormatsAndReader() {
        String python = TestPython.interpreter().toString();
        Charton.Result r = Charton.run("doctor").env("CHARTON_PYTHON", python).go();
        assertEquals(0, r.exitCode(), r::toString);
        String text = r.stdoutText();
        assertTrue(text.startsWith("Python: " + python + " (CPython 3."), text);
        assertTrue(text.contains("from: CHARTON_PYTHON"), text);
        assertTrue(text.contains("why: named by CHARTON_PYTHON"), text);
        assertTrue(text.contains("Arrow reader: pyarrow "), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("matplotlib") && l.contains("available")
                && l.contains("matplotlib 3.")), text);
        assertTrue(text.contains("formats: jpg, pdf, png, svg"), text);
    }

    @Test
    void jsonReportsTheSameAndTheReader() throws IOException {
        Charton.Result r = Charton.run("doctor", "--json").env("CHARTON_PYTHON", TestPython.interpreter().toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode report = JSON.readTree(r.stdout());
        JsonNode chosen = report.path("chosen");
        assertEquals(TestPython.interpreter().toString(), chosen.path("executable").asText());
        assertTrue(chosen.path("python").asText().startsWith("3."), report::toString);
        assertEquals("pyarrow", chosen.path("reader").path("name").asText());
        assertTrue(chosen.path("packages").path("pyarrow").isTextual(), report::toString);
        assertTrue(chosen.path("packages").path("pandas").isTextual(), report::toString);
    }

    @Test
    void anInterpreterLackingPackagesGetsTheInstallCommandAndExit69() throws IOException {
        // Debian's own python3 has none of the plotting packages.
        Charton.Result r = Charton.run("doctor", "--json", "--python", "/usr/bin/python3").go();
        assertEquals(69, r.exitCode(), r::toString);
        JsonNode report = JSON.readTree(r.stdout());
        assertFalse(report.has("chosen"));
        assertTrue(report.path("candidates").path(0).path("status").asText().startsWith("lacks "), report::toString);
        String install = report.path("install").toString();
        assertTrue(install.contains("/usr/bin/python3 -m pip install ") && install.contains("matplotlib"), install);
        assertTrue(install.contains("pyarrow"), "the built-in reader is slower: pyarrow is suggested: " + install);
        Charton.Result text = Charton.run("doctor", "--python", "/usr/bin/python3").go();
        assertTrue(text.stdoutText().contains("To install what is missing:"), text.stdoutText());
    }

    @Test
    void aMissingInterpreterIsReportedNotACrash() throws IOException {
        Charton.Result r = Charton.run("doctor", "--json", "--python", "/nonexistent/python3").go();
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals("not found", JSON.readTree(r.stdout()).path("candidates").path(0).path("status").asText());
        assertEquals("", r.stderr().strip());
    }

    @Test
    void helpShowsExamples() {
        Charton.Result r = Charton.run("doctor", "--help").go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdoutText().contains("Examples:") && r.stdoutText().contains("charton doctor --json"));
        Charton.Result top = Charton.run("--help").go();
        assertTrue(top.stdoutText().contains("doctor"), top.stdoutText());
    }
}
