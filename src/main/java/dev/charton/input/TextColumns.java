package dev.charton.input;

import org.apache.arrow.vector.types.pojo.Field;

import java.util.Map;
import java.util.Optional;

/**
 * A reader's word on its text columns, carried in each column's Arrow field metadata, so that the
 * chart planner can refuse to draw a column as text without looking at the values again: either
 * the values nearly all read as numbers or times under some option (and which), or the reader
 * looked and they do not. A column with no word (Parquet, Arrow, a query) is looked at by the planner.
 */
public final class TextColumns {
    /** The field metadata key; its value says what the values read as and which option reads them. */
    static final String READS_AS = "charton.reads_as";
    /** The field metadata key of a column its reader looked at and found no such reading. */
    static final String LOOKED_AT = "charton.text_looked_at";

    private TextColumns() {
    }

    /** Field metadata for a column the reader looked at, with its word ({@code readsAs}, null for none). */
    public static Map<String, String> metadata(String readsAs) {
        return readsAs == null ? Map.of(LOOKED_AT, "true") : Map.of(READS_AS, readsAs);
    }

    /** What the column's values read as, when a reader said so. */
    public static Optional<String> readsAs(Field field) {
        Map<String, String> metadata = field.getMetadata();
        return Optional.ofNullable(metadata == null ? null : metadata.get(READS_AS));
    }

    /** Whether the column's reader looked at its values (whatever it found). */
    public static boolean lookedAt(Field field) {
        Map<String, String> metadata = field.getMetadata();
        return metadata != null && (metadata.containsKey(READS_AS) || metadata.containsKey(LOOKED_AT));
    }
}
