package dev.charton.input;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps only the selected columns of a reader that decodes every column (CSV, Arrow IPC). The
 * selected vectors are shared, not copied: the inner reader refills them and this root only
 * follows its row count.
 */
final class ProjectedTableReader extends ForwardingTableReader {
    private final VectorSchemaRoot projected;

    ProjectedTableReader(TableReader inner, List<String> columns, String sourceName) {
        super(inner);
        VectorSchemaRoot all = inner.root();
        List<String> names = new ArrayList<>();
        all.getSchema().getFields().forEach(f -> names.add(f.getName()));
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        for (int position : ColumnSelection.resolve(names, columns, sourceName)) {
            fields.add(all.getSchema().getFields().get(position));
            vectors.add(all.getVector(position));
        }
        this.projected = new VectorSchemaRoot(fields, vectors, 0);
    }

    @Override
    public VectorSchemaRoot root() {
        return projected;
    }

    @Override
    public boolean loadNextBatch() {
        boolean loaded = inner.loadNextBatch();
        projected.setRowCount(loaded ? inner.root().getRowCount() : 0);
        return loaded;
    }
}
