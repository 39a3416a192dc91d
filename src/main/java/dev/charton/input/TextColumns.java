package dev.charton.input;

import org.apache.arrow.vector.types.pojo.Field;

import java.util.Map;
import java.util.Optional;

/**
 * A reader's word on a text column whose values nearly all read as numbers or times under some
 * option: carried in the column's Arrow field metadata, so that the chart planner can refuse to draw
 * it as text without looking at the values again.
 */
public final class TextColumns {
    /** The field metadata key; its value says what the values read as and which option reads them. */
    static final String READS_AS = "charton.reads_as";

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
}
