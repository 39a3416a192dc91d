package dev.charton.python;

import dev.charton.testing.Corpora;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Python side's own unit tests (python-templates/tests) with the interpreter charton
 * uses, with the compression codecs beside it, so {@code mvn verify} covers both halves of the bridge.
 */
class PythonUnitTestsIT {
    private static final Pattern RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");

    @Test
    void pythonUnitTestsPass() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(TestPython.interpreter().toString(), "-m", "unittest", "discover",
                "-s", "python-templates/tests", "-t", "python-templates/tests", "-v")
                .directory(Repo.root().toFile()).redirectErrorStream(true);
        builder.environment().put("CHARTON_TEST_CORPORA", Corpora.root().toString());
        builder.environment().put("PYTHONPATH", TestPython.extraPackages().toString());
        builder.environment().put("MPLBACKEND", "Agg");
        builder.environment().remove("CHARTON_TEMPLATES");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), "the Python tests did not finish");
        System.out.println(output);
        assertEquals(0, process.exitValue(), () -> "Python unit tests failed:\n" + output);
        Matcher ran = RAN.matcher(output);
        assertTrue(ran.find(), () -> "no 'Ran N tests' line in:\n" + output);
        assertTrue(Integer.parseInt(ran.group(1)) > 0, "unittest ran no test");
    }
}
