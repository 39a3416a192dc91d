package dev.charton.input;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader's word on a text column whose values nearly all read as numbers or times under some
 * option: carried in the column's Arrow field metadata, so that the chart planner can refuse to draw
 * it as text without looking at the values again.
 */
public final class TextColumns {
    /** The prefix of charton's own metadata keys, which stay inside charton. */
    private static final String INTERNAL = "charton.";
    /** The field metadata key; its value says what the values read as and which option reads them. */
    static final String READS_AS = INTERNAL + "reads_as";

    private TextColumns() {
    }

    /** Field metadata for a column with this word, or null for none. */
    public static Map<String, String> metadata(String readsAs) {
        return readsAs == null ? null : Map.of(READS_AS, readsAs);
    }

    /** What the column's values read as, when a reader said so. */
    public static Optional<String> readsAs(Field field) {
        Map<String, String> metadata = field.getMetadata();
        return Optional.ofNullable(metadata == null ? null : metadata.get(READS_AS));
    }

    /**
     * The schema as charton writes it out: without charton's own metadata, with every key that came
     * from the input itself.
     */
    public static Schema withoutInternalMetadata(Schema schema) {
        return new Schema(schema.getFields().stream().map(TextColumns::withoutInternalMetadata).toList(),
                external(schema.getCustomMetadata()));
    }

    private static Field withoutInternalMetadata(Field field) {
        FieldType type = field.getFieldType();
        List<Field> children = field.getChildren().stream().map(TextColumns::withoutInternalMetadata).toList();
        return new Field(field.getName(), new FieldType(type.isNullable(), type.getType(), type.getDictionary(),
                external(type.getMetadata())), children);
    }

    private static Map<String, String> external(Map<String, String> metadata) {
        if (metadata == null) {
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>(metadata);
        kept.keySet().removeIf(key -> key.startsWith(INTERNAL));
        return kept;
    }
}
