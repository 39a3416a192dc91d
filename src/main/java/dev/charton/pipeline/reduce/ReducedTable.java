package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * A statistic in long form (docs/plan.md): the table to stream to Python, the dictionaries of its
 * encoded key columns, and the spec's {@code reduced} object describing it.
 */
public final class ReducedTable implements AutoCloseable {
    private final VectorSchemaRoot root;
    private final DictionaryProvider.MapDictionaryProvider dictionaries;
    private final ObjectNode reduced;

    ReducedTable(VectorSchemaRoot root, DictionaryProvider.MapDictionaryProvider dictionaries, ObjectNode reduced) {
        this.root = root;
        this.dictionaries = dictionaries;
        this.reduced = reduced;
    }

    public VectorSchemaRoot root() {
        return root;
    }

    public DictionaryProvider dictionaries() {
        return dictionaries;
    }

    /** {"stat": ..., "rows_read": ..., and the statistic's keys}. */
    public ObjectNode reduced() {
        return reduced;
    }

    @Override
    public void close() {
        root.close();
        for (long id : dictionaries.getDictionaryIds()) {
            Dictionary dictionary = dictionaries.lookup(id);
            dictionary.getVector().close();
        }
    }
}
