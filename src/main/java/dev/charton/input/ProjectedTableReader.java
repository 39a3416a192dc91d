package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps only the selected columns of a reader that decodes every column (CSV, Arrow IPC), and
 * makes struct fields named by their path ({@link StructPaths}) columns of their own. The selected
 * vectors are shared, not copied: the inner reader refills them and this root only follows its row
 * count.
 */
final class ProjectedTableReader extends ForwardingTableReader {
    private final VectorSchemaRoot projected;

    ProjectedTableReader(TableReader inner, List<String> columns, String sourceName) {
        super(inner);
        VectorSchemaRoot all = inner.root();
        Map<String, FieldVector> available = new LinkedHashMap<>();
        Map<String, Field> topFields = new LinkedHashMap<>();
        for (int i = 0; i < all.getFieldVectors().size(); i++) {
            Field field = all.getSchema().getFields().get(i);
            available.putIfAbsent(field.getName(), all.getVector(i));
            topFields.putIfAbsent(field.getName(), field);
        }
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        for (String name : columns) {
            FieldVector vector = available.containsKey(name) ? available.get(name) : StructPaths.find(available, name);
            if (vector == null) {
                throw new UnknownColumnException(name,
                        ColumnSelection.noSuchColumn(new ArrayList<>(available.keySet()), name, sourceName));
            }
            if (vectors.contains(vector)) {
                throw new ChartonException(ExitCode.USAGE, "--columns: '" + name + "' is listed twice");
            }
            fields.add(topFields.containsKey(name) ? topFields.get(name) : StructPaths.renamed(vector.getField(), name));
            vectors.add(vector);
        }
        this.projected = new VectorSchemaRoot(fields, vectors, 0);
    }

    /** Whether {@code reader}'s columns are not yet {@code columns}: some is a struct field's path. */
    static boolean namesPaths(TableReader reader, List<String> columns) {
        List<String> names = reader.root().getSchema().getFields().stream().map(Field::getName).toList();
        return columns != null && !names.containsAll(columns);
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
