package dev.charton.app;

import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
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

    /** The name of a field of a table without dictionary-encoded columns. */
    public static String of(Field field) {
        return of(field, new DictionaryProvider.MapDictionaryProvider());
    }

    /** A dictionary-encoded field holds indices; {@code dictionaries} tells the type of its values. */
    public static String of(Field field, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = field.getDictionary();
        if (encoding == null) {
            return ofType(field.getType(), field.getChildren(), dictionaries);
        }
        String indices = ofType(encoding.getIndexType(), List.of(), dictionaries);
        Dictionary dictionary = dictionaries.lookup(encoding.getId());
        if (dictionary == null) {
            return "dictionary<indices=" + indices + ">";
        }
        return "dictionary<values=" + of(dictionary.getVector().getField(), dictionaries) + ", indices=" + indices + ">";
    }

    private static String ofType(ArrowType type, List<Field> children, DictionaryProvider dictionaries) {
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
            case Interval:
                return "interval[" + ((ArrowType.Interval) type).getUnit().name().toLowerCase(Locale.ROOT) + "]";
            case Null: return "null";
            case List: return "list<" + of(children.get(0), dictionaries) + ">";
            case LargeList: return "large_list<" + of(children.get(0), dictionaries) + ">";
            case FixedSizeList:
                return "fixed_size_list<" + of(children.get(0), dictionaries) + ">["
                        + ((ArrowType.FixedSizeList) type).getListSize() + "]";
            case Map: {
                List<Field> entry = children.get(0).getChildren();
                return "map<" + of(entry.get(0), dictionaries) + ", " + of(entry.get(1), dictionaries) + ">";
            }
            case Struct: return "struct<" + members(children, dictionaries) + ">";
            default: return type.getTypeID().name().toLowerCase(Locale.ROOT)
                    + (children.isEmpty() ? "" : "<" + members(children, dictionaries) + ">");
        }
    }

    private static String members(List<Field> children, DictionaryProvider dictionaries) {
        List<String> parts = new ArrayList<>();
        children.forEach(c -> parts.add(c.getName() + ": " + of(c, dictionaries)));
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
