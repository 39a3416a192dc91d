package dev.charton.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code charton schema} reports: the columns as Arrow sees them, the row count, and for a
 * CSV input what inference decided for each column and why, and how its text was cut ({@code
 * detected}: the delimiter, header and so on, null for other formats).
 */
public record TableSchema(String source, String format, long rows, List<Column> columns, String detected) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One column; {@code inferredBecause} is null unless the type was inferred from text. */
    public record Column(String name, String type, boolean nullable, String inferredBecause) {
    }

    public String toText() {
        List<String[]> table = new ArrayList<>();
        boolean inferred = columns.stream().anyMatch(c -> c.inferredBecause() != null);
        table.add(inferred ? new String[] {"column", "type", "nullable", "inferred because"}
                : new String[] {"column", "type", "nullable"});
        for (Column c : columns) {
            String nullable = c.nullable() ? "yes" : "no";
            table.add(inferred ? new String[] {c.name(), c.type(), nullable, c.inferredBecause() == null ? "" : c.inferredBecause()}
                    : new String[] {c.name(), c.type(), nullable});
        }
        StringBuilder out = new StringBuilder();
        out.append(source).append(": ").append(format).append(", ").append(rows)
                .append(rows == 1 ? " row, " : " rows, ").append(columns.size())
                .append(columns.size() == 1 ? " column" : " columns").append('\n');
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                line.append(' ').append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (detected != null && !detected.isEmpty()) {
            out.append("  detected: ").append(detected).append('\n');
        }
        return out.toString();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", source);
        root.put("format", format);
        root.put("rows", rows);
        if (detected != null && !detected.isEmpty()) {
            root.put("detected", detected);
        }
        ArrayNode list = root.putArray("columns");
        for (Column c : columns) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("type", c.type());
            node.put("nullable", c.nullable());
            if (c.inferredBecause() != null) {
                node.put("inferred_because", c.inferredBecause());
            }
        }
        return root.toPrettyString() + "\n";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
