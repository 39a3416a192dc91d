package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vectors of a reduced table, in column order, filled row by row and then handed over. */
final class OutputColumns implements AutoCloseable {
    private final BufferAllocator allocator;
    private final List<FieldVector> vectors = new ArrayList<>();
    private final Map<KeyColumn, Long> encodedKeys = new LinkedHashMap<>();

    OutputColumns(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** A column of a key's type; an encoded key gets its own dictionary id. */
    FieldVector key(String name, KeyColumn key) {
        long id = encodedKeys.size();
        Field field = key.outputField(name, id);
        if (field.getDictionary() != null) {
            encodedKeys.put(key, id);
        }
        return add(field.createVector(allocator));
    }

    Float8Vector float64(String name) {
        return add(new Float8Vector(name, allocator));
    }

    BigIntVector int64(String name) {
        return add(new BigIntVector(name, allocator));
    }

    IntVector int32(String name) {
        return add(new IntVector(name, allocator));
    }

    VarCharVector utf8(String name) {
        return add(new VarCharVector(name, allocator));
    }

    ListVector float64List(String name) {
        ListVector list = ListVector.empty(name, allocator);
        list.addOrGetVector(FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
        return add(list);
    }

    static void setText(VarCharVector vector, int row, String text) {
        vector.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
    }

    <V extends FieldVector> V add(V vector) {
        vectors.add(vector);
        return vector;
    }

    /** The finished table: the vectors move into it. */
    ReducedTable finish(int rows, ObjectNode reduced) {
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        for (Map.Entry<KeyColumn, Long> entry : encodedKeys.entrySet()) {
            Dictionary dictionary = entry.getKey().takeDictionary(entry.getValue());
            dictionaries.put(dictionary);
        }
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        VectorSchemaRoot root = new VectorSchemaRoot(new ArrayList<>(vectors));
        root.setRowCount(rows);
        vectors.clear();
        return new ReducedTable(root, dictionaries, reduced);
    }

    @Override
    public void close() {
        vectors.forEach(FieldVector::close);
        vectors.clear();
    }
}
