package dev.charton.table;

import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/**
 * A query's result with {@code --type} applied to its text columns. The engine sees the columns as
 * text, so nothing of the chart is computed in it (pipeline/pushdown takes only a plain query).
 */
public record TypedQuery(TableSource query, ReadOptions options) implements TableSource {
    /** {@code query} itself when --type names no column. */
    public static TableSource of(TableSource query, ReadOptions options) {
        return options.csv().typeOverrides().isEmpty() ? query : new TypedQuery(query, options);
    }

    @Override
    public String displayName() {
        return query.displayName();
    }

    @Override
    public void checkReadable() {
        query.checkReadable();
    }

    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        return TableReaders.withTypes(query.open(columns, allocator), options, displayName(), allocator);
    }

    @Override
    public boolean reopenable() {
        return query.reopenable();
    }
}
