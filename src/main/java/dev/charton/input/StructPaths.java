package dev.charton.input;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of struct columns named as columns of their own, {@code s.a} for field {@code a} of
 * struct {@code s} (at any depth: {@code s.t.b}). A column whose own name has a dot keeps it: a
 * top-level name always wins over a path.
 */
public final class StructPaths {
    private StructPaths() {
    }

    /** Every top-level column, then every struct field by its path, each with the field named by it. */
    public static Map<String, Field> columns(Schema schema) {
        Map<String, Field> columns = new LinkedHashMap<>();
        schema.getFields().forEach(f -> columns.putIfAbsent(f.getName(), f));
        schema.getFields().forEach(f -> addFields(f.getName(), f, columns));
        return columns;
    }

    /** The top-level column a path starts at (the name itself when it is no path into {@code available}). */
    static String root(String name, List<String> available) {
        if (available.contains(name)) {
            return name;
        }
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            if (available.contains(name.substring(0, dot))) {
                return name.substring(0, dot);
            }
        }
        return name;
    }

    /** The vector of struct field {@code path} of {@code vectors} (top-level, by name), or null. */
    static FieldVector find(Map<String, FieldVector> vectors, String path) {
        for (Map.Entry<String, FieldVector> top : vectors.entrySet()) {
            String prefix = top.getKey() + ".";
            if (path.startsWith(prefix) && top.getValue() instanceof StructVector struct) {
                FieldVector found = child(struct, path.substring(prefix.length()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code field} named {@code name}, its type, metadata and children kept. */
    static Field renamed(Field field, String name) {
        FieldType type = field.getFieldType();
        return new Field(name, new FieldType(true, type.getType(), type.getDictionary(), type.getMetadata()),
                field.getChildren());
    }

    private static FieldVector child(StructVector struct, String rest) {
        FieldVector direct = struct.getChild(rest, FieldVector.class);
        if (direct != null) {
            return direct;
        }
        for (int dot = rest.indexOf('.'); dot > 0; dot = rest.indexOf('.', dot + 1)) {
            if (struct.getChild(rest.substring(0, dot)) instanceof StructVector inner) {
                FieldVector found = child(inner, rest.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void addFields(String path, Field field, Map<String, Field> into) {
        if (!(field.getType() instanceof ArrowType.Struct)) {
            return;
        }
        for (Field child : field.getChildren()) {
            String childPath = path + "." + child.getName();
            into.putIfAbsent(childPath, renamed(child, childPath));
            addFields(childPath, child, into);
        }
    }
}
