package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything wrong with a spec, each with its line, collected so that one run reports them all
 * before anything is read or rendered. The exit code is that of the first problem in the file.
 */
final class SpecProblems {
    private static final int MAX_REPORTED = 20;

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    SpecProblems(String file) {
        this.file = file;
    }

    void add(Node where, String message) {
        add(where, ExitCode.USAGE, message);
    }

    void add(Node where, ExitCode code, String message) {
        add(SpecNodes.line(where), code, message);
    }

    void add(int line, ExitCode code, String message) {
        problems.add(new Problem(line, code, file + ":" + line + ": " + message));
    }

    int count() {
        return problems.size();
    }

    /** One line per problem (charton's error reporter prefixes the first; the others carry it). */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> sorted = problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
        String lines = sorted.stream().limit(MAX_REPORTED).map(Problem::message)
                .collect(Collectors.joining(System.lineSeparator() + "charton: "));
        if (sorted.size() > MAX_REPORTED) {
            lines += System.lineSeparator() + "charton: " + file + ": " + (sorted.size() - MAX_REPORTED) + " more problems";
        }
        throw new ChartonException(sorted.get(0).code(), lines);
    }

    private record Problem(int line, ExitCode code, String message) {
    }
}
