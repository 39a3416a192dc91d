package dev.charton.bridge;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What a worker reported on start: its interpreter, and which required packages it lacks. */
public record WorkerInfo(String pythonVersion, String executable, List<String> missingPackages, JsonNode raw) {

    static WorkerInfo from(JsonNode hello) {
        List<String> missing = new ArrayList<>();
        hello.path("missing").forEach(n -> missing.add(n.asText()));
        return new WorkerInfo(hello.path("python").asText("?"), hello.path("executable").asText("?"), missing, hello);
    }
}
