package dev.charton.batch;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading the YAML node tree of a spec: lines, keys, scalars. */
final class SpecNodes {
    private SpecNodes() {
    }

    /** The 1-based line a node starts on. */
    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** A mapping's entries by key, in file order; non-text and repeated keys are problems. */
    static Map<String, Entry> entries(MappingNode mapping, SpecProblems problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                problems.add(tuple.getKeyNode(), "a key must be a name, not " + describe(tuple.getKeyNode()));
                continue;
            }
            Entry entry = new Entry(key.getValue(), key, tuple.getValueNode());
            if (entries.putIfAbsent(entry.name(), entry) != null) {
                problems.add(key, "'" + entry.name() + "' is given twice (first on line "
                        + line(entries.get(entry.name()).key()) + ")");
            }
        }
        return entries;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static boolean isBoolean(Node node) {
        return node instanceof ScalarNode && Tag.BOOL.equals(node.getTag());
    }

    /** A YAML boolean that is true (true, yes or on, in any case). */
    static boolean isTrue(Node node) {
        return isBoolean(node) && Set.of("true", "yes", "on").contains(text(node).toLowerCase(Locale.ROOT));
    }

    /** A scalar's text, or null for anything else (a list, a mapping, no value). */
    static String text(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
    }

    /** What a node is, for messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "an empty value" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** One key of a mapping with its value. */
    record Entry(String name, ScalarNode key, Node value) {
    }
}
