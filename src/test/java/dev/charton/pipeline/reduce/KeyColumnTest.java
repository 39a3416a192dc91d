package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyColumnTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final DictionaryEncoding encoding = new DictionaryEncoding(3, false, new ArrowType.Int(8, true));

    @AfterEach
    void close() {
        allocator.close();
    }

    /** Binds a batch of indexes into {@code categories} and returns the ids of its rows. */
    private List<Integer> ids(KeyColumn key, String[] categories, Integer... indexes) {
        try (VarCharVector values = TestTables.text(allocator, "values", categories);
             IntVector column = new IntVector("k", new FieldType(true, new ArrowType.Int(32, true), encoding), allocator)) {
            values.setValueCount(categories.length);
            for (int i = 0; i < indexes.length; i++) {
                if (indexes[i] != null) {
                    column.setSafe(i, indexes[i]);
                }
            }
            column.setValueCount(indexes.length);
            DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
            dictionaries.put(new Dictionary(values, encoding));
            key.bind(column, dictionaries);
            List<Integer> ids = new ArrayList<>();
            for (int row = 0; row < indexes.length; row++) {
                ids.add(key.id(row));
            }
            return ids;
        }
    }

    @Test
    void batchesWithOtherDictionariesShareOneThatKeepsTheFirstCategoryOrder() {
        try (IntVector field = new IntVector("k", new FieldType(true, new ArrowType.Int(8, true), encoding), allocator);
             KeyColumn key = new KeyColumn(field.getField(), allocator)) {
            assertEquals(List.of(1, 0, KeyColumn.NULL), ids(key, new String[] {"zeta", "alpha", "unused"}, 1, 0, null));
            assertEquals(List.of(3, 1), ids(key, new String[] {"beta", "alpha"}, 0, 1));
            Dictionary merged = key.takeDictionary(9);
            try (VarCharVector values = (VarCharVector) merged.getVector()) {
                List<String> categories = new ArrayList<>();
                for (int i = 0; i < values.getValueCount(); i++) {
                    categories.add(values.getObject(i).toString());
                }
                assertEquals(List.of("zeta", "alpha", "unused", "beta"), categories);
                assertEquals(9, merged.getEncoding().getId());
            }
        }
    }

    @Test
    void textValuesGetOneIdEachAcrossBatches() {
        String[] first = new String[200];
        String[] second = new String[200];
        for (int i = 0; i < first.length; i++) {
            first[i] = "value " + i;
            second[i] = "value " + (first.length - 1 - i / 2);  // each earlier value again, some twice
        }
        try (VarCharVector field = new VarCharVector("t", allocator);
             KeyColumn key = new KeyColumn(field.getField(), allocator)) {
            List<Integer> firstIds = ids(key, first);
            List<Integer> secondIds = ids(key, second);
            for (int i = 0; i < first.length; i++) {
                assertEquals(i, firstIds.get(i));
                assertEquals(first.length - 1 - i / 2, secondIds.get(i));
            }
            assertEquals(first.length, key.labels());
        }
    }

    private List<Integer> ids(KeyColumn key, String[] values) {
        try (VarCharVector batch = TestTables.text(allocator, "t", values)) {
            batch.setValueCount(values.length);
            key.bind(batch, new DictionaryProvider.MapDictionaryProvider());
            List<Integer> ids = new ArrayList<>();
            for (int row = 0; row < values.length; row++) {
                ids.add(key.id(row));
            }
            return ids;
        }
    }
}
