package dev.charton.input.csv;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.Objects;

/**
 * How a column's values are stored in one segment of the spool: the column's type as far as the
 * rows read so far tell, and for dates the layout used. When a later row changes it, the next
 * segment starts; when it differs from the final decision, the segment's values are cast on replay.
 * Numbers carry how they are written ({@link NumberReading}; plain for other types).
 * Dictionary-encoded text is stored as its plain int32 indices, offset timestamps as UTC.
 */
record Storage(CsvType type, DatePattern pattern, NumberReading reading) {
    // equals and hashCode written out: a record's generated ones are linked by a bootstrap method the
    // first time they run, a few milliseconds of every small command's start (docs/benchmarks.md).
    @Override
    public boolean equals(Object o) {
        return o instanceof Storage other && type == other.type && pattern == other.pattern
                && Objects.equals(reading, other.reading);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + System.identityHashCode(pattern)) * 31 + Objects.hashCode(reading);
    }

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
