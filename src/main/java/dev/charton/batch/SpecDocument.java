package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A spec file as a YAML node tree, every node knowing its line. JSON is YAML too, so one parser
 * serves both.
 */
final class SpecDocument {
    private SpecDocument() {
    }

    static Node load(Path file) {
        String text = readText(file);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported with both lines by SpecNodes.entries
        options.setMaxAliasesForCollections(100);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new ChartonException(ExitCode.USAGE, file + ": the spec is empty; it needs datasets and charts");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ChartonException(ExitCode.USAGE, file + where + ": not valid YAML or JSON: " + problem(e), e);
        } catch (YAMLException e) {
            throw new ChartonException(ExitCode.USAGE, file + ": not valid YAML or JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // SnakeYAML checks some tokens (a tag such as "!%5") outside its own exceptions.
            throw new ChartonException(ExitCode.USAGE, file + ": not valid YAML or JSON: " + e.getMessage(), e);
        }
    }

    private static String problem(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ", ";
        return context + (e.getProblem() == null ? "malformed" : e.getProblem());
    }

    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new ChartonException(ExitCode.NO_INPUT, file + ": is a directory, not a batch spec");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ChartonException(ExitCode.NO_INPUT, file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ChartonException(ExitCode.NO_INPUT, file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new ChartonException(ExitCode.USAGE, file + ": a spec must be UTF-8 text", e);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
