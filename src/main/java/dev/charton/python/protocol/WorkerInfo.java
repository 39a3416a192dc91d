package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a worker reported on start: its interpreter, which required packages it lacks, and whether
 * that Python is older than the oldest charton supports ({@code minimumPython} is then set).
 */
public record WorkerInfo(String pythonVersion, String executable, List<String> missingPackages, String minimumPython,
                         JsonNode raw) {

    static WorkerInfo from(JsonNode hello) {
        List<String> missing = new ArrayList<>();
        hello.path("missing").forEach(n -> missing.add(n.asText()));
        String minimum = hello.path("too_old").asBoolean() ? hello.path("minimum_python").asText("?") : null;
        return new WorkerInfo(hello.path("python").asText("?"), hello.path("executable").asText("?"), missing, minimum, hello);
    }

    /** True when this Python is older than charton supports: the worker has already exited. */
    public boolean tooOld() {
        return minimumPython != null;
    }

    /** "is Python 3.8.18, older than 3.10" (for a too-old interpreter). */
    public String tooOldReason() {
        return "is Python " + pythonVersion + ", older than " + minimumPython;
    }
}
