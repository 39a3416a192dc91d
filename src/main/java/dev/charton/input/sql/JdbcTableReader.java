package dev.charton.input.sql;

import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.io.IOException;
import java.sql.SQLException;

/**
 * A query's result through Arrow's JDBC adapter, {@code batchRows} rows at a time. Each batch the
 * adapter fills is moved (not copied) into the one root this reader hands out.
 */
final class JdbcTableReader implements QueryResult {
    private final QueryExecution execution;
    private final ArrowVectorIterator batches;
    private final VectorSchemaRoot root;

    JdbcTableReader(QueryExecution execution, BufferAllocator allocator, int batchRows) {
        this.execution = execution;
        JdbcToArrowConfig config = JdbcArrowTypes.config(allocator, batchRows);
        VectorSchemaRoot created = null;
        try {
            created = VectorSchemaRoot.create(JdbcToArrowUtils.jdbcToArrowSchema(execution.result().getMetaData(), config),
                    allocator);
            this.batches = JdbcToArrow.sqlToArrowVectorIterator(execution.result(), config);
        } catch (SQLException | IOException | RuntimeException e) {
            if (created != null) {
                created.close();
            }
            execution.close();
            throw execution.failure(e);
        }
        this.root = created;
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return new DictionaryProvider.MapDictionaryProvider();
    }

    @Override
    public boolean loadNextBatch() {
        try {
            if (!batches.hasNext()) {
                return false;
            }
            try (VectorSchemaRoot batch = batches.next()) {
                BatchMove.into(batch, root);
            }
            return true;
        } catch (RuntimeException e) {
            throw execution.failure(e);
        }
    }

    @Override
    public void close() {
        try {
            batches.close();
        } finally {
            root.close();
            execution.close();
        }
    }
}
