package dev.charton.input.csv;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.Locale;

/**
 * The column types a CSV column can have, most specific first. Inference keeps, per column, the set
 * of types that accept every value seen and picks the first one left, so a later value that an
 * earlier type rejects promotes the column (int64 to decimal to float64 to string, date to
 * timestamp to string, timestamp to timestamp with offsets when some values have one). {@link #STRING} accepts anything, so there is always one left.
 * {@link #CATEGORY} is not inferred from values: a string column with few distinct values becomes one.
 */
public enum CsvType {
    BOOLEAN("boolean", ArrowType.Bool.INSTANCE),
    INT64("int64", new ArrowType.Int(64, true)),
    /** Integers beyond int64, kept exactly (up to 38 digits). */
    DECIMAL("decimal128(38, 0)", new ArrowType.Decimal(38, 0, 128)),
    FLOAT64("float64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    DATE("date32", new ArrowType.Date(DateUnit.DAY)),
    TIMESTAMP("timestamp[us]", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    TIMESTAMP_TZ("timestamp[us, UTC]", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
    /** A time of day ({@code 05:40}, {@code 9:26 PM}). */
    TIME("time64[us]", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
    STRING("string", ArrowType.Utf8.INSTANCE),
    /** Dictionary-encoded string: int32 indices into one fixed dictionary of the distinct values. */
    CATEGORY("dictionary<int32, string>", ArrowType.Utf8.INSTANCE);

    /** Every type inference can pick from values, as a bit set. */
    static final int INFERABLE = (1 << CATEGORY.ordinal()) - 1;

    private static final CsvType[] ALL = values();

    private final String displayName;
    private final ArrowType arrowType;

    CsvType(String displayName, ArrowType arrowType) {
        this.displayName = displayName;
        this.arrowType = arrowType;
    }

    public String displayName() {
        return displayName;
    }

    /** The Arrow type of the values (for {@link #CATEGORY}, of the dictionary's values). */
    public ArrowType arrowType() {
        return arrowType;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The most specific type in a non-empty bit set of types. */
    static CsvType first(int types) {
        return ALL[Integer.numberOfTrailingZeros(types)];
    }

    /** Parses the {@code --type} spelling of a type. */
    public static CsvType fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "bool": case "boolean": return BOOLEAN;
            case "int": case "int64": case "integer": return INT64;
            case "decimal": case "bigint": return DECIMAL;
            case "float": case "float64": case "double": return FLOAT64;
            case "date": case "date32": return DATE;
            case "timestamp": case "datetime": return TIMESTAMP;
            case "timestamptz": case "timestamp_tz": return TIMESTAMP_TZ;
            case "time": case "time64": return TIME;
            case "str": case "string": case "utf8": case "text": return STRING;
            case "category": case "dictionary": return CATEGORY;
            default:
                throw new IllegalArgumentException("unknown type '" + name + "' (expected boolean, int64, decimal,"
                        + " float64, date, timestamp, timestamptz, time, string or category)");
        }
    }
}
