package dev.charton.inspect;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short Arrow type names, spelled the way pyarrow prints them: int64, timestamp[us, tz=UTC], list<int32>. */
public final class TypeNames {
    private TypeNames() {
    }

    public static String of(Field field) {
        DictionaryEncoding dictionary = field.getDictionary();
        String type = ofType(field.getType(), field.getChildren());
        if (dictionary == null) {
            return type;
        }
        return "dictionary<values=" + type + ", indices=" + ofType(dictionary.getIndexType(), List.of()) + ">";
    }

    private static String ofType(ArrowType type, List<Field> children) {
        switch (type.getTypeID()) {
            case Int: {
                ArrowType.Int i = (ArrowType.Int) type;
                return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
            }
            case FloatingPoint:
                switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                    case HALF: return "float16";
                    case SINGLE: return "float32";
                    default: return "float64";
                }
            case Bool: return "bool";
            case Utf8: return "utf8";
            case LargeUtf8: return "large_utf8";
            case Utf8View: return "utf8_view";
            case Binary: return "binary";
            case LargeBinary: return "large_binary";
            case BinaryView: return "binary_view";
            case FixedSizeBinary: return "fixed_size_binary[" + ((ArrowType.FixedSizeBinary) type).getByteWidth() + "]";
            case Decimal: {
                ArrowType.Decimal d = (ArrowType.Decimal) type;
                return "decimal" + d.getBitWidth() + "(" + d.getPrecision() + ", " + d.getScale() + ")";
            }
            case Date:
                return ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY ? "date32[day]" : "date64[ms]";
            case Time: {
                ArrowType.Time t = (ArrowType.Time) type;
                return "time" + t.getBitWidth() + "[" + unit(t.getUnit()) + "]";
            }
            case Timestamp: {
                ArrowType.Timestamp t = (ArrowType.Timestamp) type;
                return "timestamp[" + unit(t.getUnit()) + (t.getTimezone() == null ? "" : ", tz=" + t.getTimezone()) + "]";
            }
            case Duration: return "duration[" + unit(((ArrowType.Duration) type).getUnit()) + "]";
            case Interval: return "interval[" + ((ArrowType.Interval) type).getUnit().name().toLowerCase(Locale.ROOT) + "]";
            case Null: return "null";
            case List: return "list<" + of(children.get(0)) + ">";
            case LargeList: return "large_list<" + of(children.get(0)) + ">";
            case FixedSizeList:
                return "fixed_size_list<" + of(children.get(0)) + ">[" + ((ArrowType.FixedSizeList) type).getListSize() + "]";
            case Map: {
                List<Field> entry = children.get(0).getChildren();
                return "map<" + of(entry.get(0)) + ", " + of(entry.get(1)) + ">";
            }
            case Struct: return "struct<" + members(children) + ">";
            default: return type.getTypeID().name().toLowerCase(Locale.ROOT) + (children.isEmpty() ? "" : "<" + members(children) + ">");
        }
    }

    private static String members(List<Field> children) {
        List<String> parts = new ArrayList<>();
        children.forEach(c -> parts.add(c.getName() + ": " + of(c)));
        return String.join(", ", parts);
    }

    private static String unit(org.apache.arrow.vector.types.TimeUnit unit) {
        switch (unit) {
            case SECOND: return "s";
            case MILLISECOND: return "ms";
            case MICROSECOND: return "us";
            default: return "ns";
        }
    }
}
