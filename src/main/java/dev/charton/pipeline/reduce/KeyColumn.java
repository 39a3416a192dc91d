package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of one key column (x group, color, facet) across all batches, each stored once
 * as it was read, so an output row gets its key by copying, with the user's type unchanged (a
 * timestamp keeps its zone). A dictionary-encoded column stays encoded: its dictionary, in category
 * order, is kept whole and values a later batch's dictionary adds are appended.
 */
final class KeyColumn implements AutoCloseable {
    /** The id of a null key. */
    static final int NULL = -1;

    private final Field field;
    private final BufferAllocator allocator;
    private final Map<Object, Integer> ids = new HashMap<>();
    private ValueVector store;
    private int size;
    private boolean nullSeen;
    private ByteKeys byteKeys;
    private FieldVector batch;
    private BaseIntVector batchIndices;
    private int[] batchTranslation;

    KeyColumn(Field field, BufferAllocator allocator) {
        this.field = field;
        this.allocator = allocator;
    }

    private boolean encoded() {
        return field.getDictionary() != null;
    }

    /** Reads this column's vector of the next batch. */
    void bind(FieldVector vector, DictionaryProvider dictionaries) {
        batch = vector;
        if (!encoded()) {
            if (store == null) {
                store = field.createVector(allocator);
            }
            return;
        }
        Dictionary dictionary = dictionaries.lookup(field.getDictionary().getId());
        FieldVector values = dictionary.getVector();
        if (store == null) {
            store = values.getField().createVector(allocator);
        }
        batchIndices = (BaseIntVector) vector;
        batchTranslation = new int[values.getValueCount()];
        for (int i = 0; i < batchTranslation.length; i++) {
            batchTranslation[i] = idOf(values, i);
        }
    }

    /** The id of a row's value in the bound batch, {@link #NULL} for null. */
    int id(int row) {
        if (batch.isNull(row)) {
            nullSeen = true;
            return NULL;
        }
        if (encoded()) {
            return batchTranslation[(int) batchIndices.getValueAsLong(row)];
        }
        if (batch instanceof BaseVariableWidthVector texts) {
            if (byteKeys == null) {
                byteKeys = new ByteKeys();
            }
            int id = byteKeys.id(texts, row, (BaseVariableWidthVector) store);
            size = byteKeys.size();
            return id;
        }
        return idOf(batch, row);
    }

    private int idOf(ValueVector vector, int row) {
        Object key = hashable(vector.getObject(row));
        if (key == null) {
            nullSeen = true;
            return NULL;
        }
        Integer id = ids.get(key);
        if (id == null) {
            id = size++;
            store.copyFromSafe(row, id, vector);
            ids.put(key, id);
        }
        return id;
    }

    /** How many labels the values seen so far make (null is one, as grammar.py labels it "null"). */
    int labels() {
        return size + (nullSeen ? 1 : 0);
    }

    /** pandas groups NaN with null and -0.0 with 0.0; arrays compare by content. */
    private static Object hashable(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() ? null : d == 0.0 ? 0.0 : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() ? null : f == 0.0f ? 0.0f : f;
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return value;
    }

    /**
     * The order grammar.py gives a categorical axis: a dictionary's categories as declared, other
     * values sorted by their text; null last.
     */
    Comparator<Integer> labelOrder() {
        Comparator<Integer> values = encoded() ? Comparator.naturalOrder()
                : Comparator.comparing(id -> String.valueOf(store.getObject(id)));
        return (a, b) -> a == NULL || b == NULL ? Boolean.compare(a == NULL, b == NULL) : values.compare(a, b);
    }

    /** The output field for this key, the input's type (and, for an encoded column, dictionary id). */
    Field outputField(String name, long dictionaryId) {
        DictionaryEncoding encoding = field.getDictionary();
        if (encoding != null) {
            encoding = new DictionaryEncoding(dictionaryId, encoding.isOrdered(), encoding.getIndexType());
        }
        return new Field(name, new FieldType(true, field.getType(), encoding, field.getMetadata()),
                encoding == null ? field.getChildren() : null);
    }

    /** Writes a key into an output row (a null key leaves the row null). */
    void write(FieldVector out, int row, int id) {
        if (id == NULL) {
            return;
        }
        if (encoded()) {
            ((BaseIntVector) out).setWithPossibleTruncate(row, id);
        } else {
            out.copyFromSafe(id, row, store);
        }
    }

    /** For an encoded column, the output's dictionary (which takes over the stored values), else null. */
    Dictionary takeDictionary(long dictionaryId) {
        if (!encoded()) {
            return null;
        }
        // Without a batch there is no dictionary to take the value type from: an empty utf8 one.
        FieldVector values = (FieldVector) (store != null ? store
                : new Field("values", FieldType.nullable(ArrowType.Utf8.INSTANCE), null).createVector(allocator));
        values.setValueCount(size);
        store = null;
        ArrowType.Int index = field.getDictionary().getIndexType();
        return new Dictionary(values, new DictionaryEncoding(dictionaryId, field.getDictionary().isOrdered(), index));
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
