package dev.charton.input.csv;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * What inference decided for one column and why, so that {@code charton schema} can report it the
 * way a sniffer should: the type, the zone for offset timestamps, and the evidence.
 */
public record ColumnDecision(String name, CsvType type, String zone, String reason) {

    public ArrowType arrowType() {
        if (type == CsvType.TIMESTAMP_TZ) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, zone);
        }
        return type.arrowType();
    }

    public Field field() {
        return new Field(name, FieldType.nullable(arrowType()), null);
    }
}
