package dev.charton.input.csv;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reused Arrow vectors of the final schema, their consumers, and the dictionaries of
 * dictionary-encoded columns. Each dictionary is complete before the first batch is sent (the whole
 * file has been read by then), so the stream carries it once and every batch's indices refer to it.
 */
final class CsvVectors implements AutoCloseable {
    private final VectorSchemaRoot root;
    private final DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
    private final List<FieldVector> dictionaryVectors = new ArrayList<>();
    private final List<ColumnConsumer<?>> consumers = new ArrayList<>();

    /** Vectors for {@code plans}, each allocated for {@code rows} rows (a batch, or the whole table when smaller). */
    CsvVectors(List<ColumnPlan> plans, int rows, NullTokens nulls, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (int i = 0; i < plans.size(); i++) {
                ColumnPlan plan = plans.get(i);
                Field field = plan.decision().field(i);
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                vector.setInitialCapacity(rows);
                vector.allocateNew();
                if (plan.decision().type() == CsvType.CATEGORY) {
                    dictionaries.put(new Dictionary(dictionaryVector(plan, allocator), field.getDictionary()));
                }
                consumers.add(ColumnConsumer.create(plan.storage(), plan.dictionary(), vector, nulls));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            dictionaryVectors.forEach(FieldVector::close);
            throw e;
        }
        root = new VectorSchemaRoot(vectors);
    }

    private FieldVector dictionaryVector(ColumnPlan plan, BufferAllocator allocator) {
        VarCharVector values = new VarCharVector(plan.decision().name() + " dictionary", allocator);
        dictionaryVectors.add(values);
        DistinctValues texts = plan.dictionary();
        values.allocateNew(texts.count());
        for (int i = 0; i < texts.count(); i++) {
            values.setSafe(i, texts.get(i).getBytes(StandardCharsets.UTF_8));
        }
        values.setValueCount(texts.count());
        return values;
    }

    VectorSchemaRoot root() {
        return root;
    }

    DictionaryProvider dictionaries() {
        return dictionaries;
    }

    List<ColumnConsumer<?>> consumers() {
        return consumers;
    }

    void startBatch() {
        for (FieldVector v : root.getFieldVectors()) {
            v.reset();
        }
    }

    void finishBatch(int rows) {
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(rows);
        }
        root.setRowCount(rows);
    }

    @Override
    public void close() {
        root.close();
        dictionaryVectors.forEach(FieldVector::close);
    }
}
