package dev.charton.input.csv;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * How a column's values are stored in one segment of the spool: the column's type as far as the
 * rows read so far tell, and for dates the layout used. When a later row changes it, the next
 * segment starts; when it differs from the final decision, the segment's values are cast on replay.
 * Numbers carry how they are written ({@link NumberReading}; plain for other types).
 * Dictionary-encoded text is stored as its plain int32 indices, offset timestamps as UTC.
 */
record Storage(CsvType type, DatePattern pattern, NumberReading reading) {

    Field field(String name) {
        ArrowType arrowType;
        switch (type) {
            case CATEGORY: arrowType = new ArrowType.Int(32, true); break;
            case TIMESTAMP_TZ: arrowType = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"); break;
            default: arrowType = type.arrowType();
        }
        return new Field(name, FieldType.nullable(arrowType), null);
    }
}
