package dev.charton.input.csv;

import dev.charton.input.TextColumns;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * What inference decided for one column and why, so that {@code charton schema} can report it the
 * way a sniffer should: the type, the zone of offset timestamps, the layout of non-ISO dates, and
 * the evidence from the whole file.
 *
 * @param zone   for {@link CsvType#TIMESTAMP_TZ}: the offset every value had ("+02:00"), or "UTC"
 * @param format  for {@link CsvType#DATE}: the layout of non-ISO dates ("MMM d yyyy"), else null
 * @param readsAs for a text column whose values nearly all read as numbers or times: what they read as
 *                and the option that reads them ({@link TextColumns}), else null
 */
public record ColumnDecision(String name, CsvType type, String zone, String format, String reason, String readsAs) {

    public ColumnDecision(String name, CsvType type, String zone, String reason) {
        this(name, type, zone, null, reason, null);
    }

    /** The Arrow type of the values (of the dictionary values, for a dictionary-encoded column). */
    public ArrowType arrowType() {
        if (type == CsvType.TIMESTAMP_TZ) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, zone);
        }
        return type.arrowType();
    }

    /** The column's field; a {@link CsvType#CATEGORY} column's is int32 indices into dictionary {@code id}. */
    Field field(long dictionaryId) {
        if (type == CsvType.CATEGORY) {
            ArrowType.Int index = new ArrowType.Int(32, true);
            return new Field(name, new FieldType(true, index, new DictionaryEncoding(dictionaryId, false, index),
                    TextColumns.metadata(readsAs)), null);
        }
        return new Field(name, new FieldType(true, arrowType(), null, TextColumns.metadata(readsAs)), null);
    }
}
