package dev.charton.input.csv;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.Locale;

/**
 * The column types CSV inference can choose, most specific first. Inference keeps, per column, the
 * types that accept every value seen so far and picks the first one left; {@link #STRING} accepts
 * anything, so there is always one.
 */
public enum CsvType {
    BOOLEAN("boolean", ArrowType.Bool.INSTANCE),
    INT64("int64", new ArrowType.Int(64, true)),
    FLOAT64("float64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    DATE("date32", new ArrowType.Date(DateUnit.DAY)),
    TIMESTAMP("timestamp[us]", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    TIMESTAMP_TZ("timestamp[us, UTC]", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
    STRING("string", ArrowType.Utf8.INSTANCE);

    private final String displayName;
    private final ArrowType arrowType;

    CsvType(String displayName, ArrowType arrowType) {
        this.displayName = displayName;
        this.arrowType = arrowType;
    }

    public String displayName() {
        return displayName;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    /** Whether {@code text} (never a null token) is a valid value of this type. */
    public boolean accepts(String text) {
        switch (this) {
            case BOOLEAN: return TextValues.parseBoolean(text) != null;
            case INT64: return TextValues.isInt64(text);
            case FLOAT64: return TextValues.isFloat(text);
            case DATE: return TextValues.isIsoDate(text);
            case TIMESTAMP: return TextValues.isIsoDate(text) || TextValues.parseTimestamp(text, false) != null;
            case TIMESTAMP_TZ: return TextValues.parseTimestamp(text, true) != null;
            default: return true;
        }
    }

    /** Parses the {@code --type} spelling of a type. */
    public static CsvType fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "bool": case "boolean": return BOOLEAN;
            case "int": case "int64": case "integer": return INT64;
            case "float": case "float64": case "double": return FLOAT64;
            case "date": case "date32": return DATE;
            case "timestamp": case "datetime": return TIMESTAMP;
            case "timestamptz": case "timestamp_tz": return TIMESTAMP_TZ;
            case "str": case "string": case "utf8": return STRING;
            default:
                throw new IllegalArgumentException("unknown type '" + name
                        + "' (expected boolean, int64, float64, date, timestamp, timestamptz or string)");
        }
    }
}
