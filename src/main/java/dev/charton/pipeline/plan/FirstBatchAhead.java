package dev.charton.pipeline.plan;

import dev.charton.input.ForwardingTableReader;
import dev.charton.input.StructPaths;
import dev.charton.input.TableReader;
import dev.charton.input.TextColumns;
import dev.charton.input.csv.CsvTableReader;
import dev.charton.input.csv.TypedTextColumns;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader whose first batch can be looked at before the rows are read: the planner samples the
 * text columns no reader looked at ({@link TextSample}) from it, then the first
 * {@link #loadNextBatch()} hands the same batch on, so no row is read twice. The CSV reader looks
 * at every text column itself (its word is in the field metadata, {@link TextColumns}), so a CSV
 * file's columns are not sampled again; a table spooled from one (the shell's, a batch's) is.
 */
public final class FirstBatchAhead extends ForwardingTableReader implements TextSample.Values {
    private boolean loaded;
    private boolean present;
    private boolean handedOn;
    private final boolean readByCsv;

    public FirstBatchAhead(TableReader inner) {
        super(inner);
        this.readByCsv = inner.unwrap(CsvTableReader.class).isPresent();
    }

    @Override
    public boolean loadNextBatch() {
        if (loaded && !handedOn) {
            handedOn = true;
            return present;
        }
        handedOn = true;
        return inner.loadNextBatch();
    }

    /** The first non-null values of {@code column} in the first batch, when it is text no reader looked at. */
    @Override
    public List<String> of(String column) {
        Field field = StructPaths.columns(root().getSchema()).get(column);
        if (field == null || readByCsv || TextColumns.readsAs(field).isPresent() || typed(column)
                || (field.getDictionary() == null && !isText(field.getType()))) {
            return List.of();
        }
        if (!loaded) {
            present = inner.loadNextBatch();
            loaded = true;
        }
        ValueVector vector = vector(column);
        if (!present || vector == null) {
            return List.of();
        }
        ValueVector values = vector;
        if (field.getDictionary() != null) {
            Dictionary dictionary = dictionaries().lookup(field.getDictionary().getId());
            if (dictionary == null || !isText(dictionary.getVector().getField().getType())) {
                return List.of();
            }
            values = dictionary.getVector();
        }
        List<String> sample = new ArrayList<>();
        for (int row = 0; row < vector.getValueCount() && sample.size() < TextSample.SIZE; row++) {
            if (!vector.isNull(row)) {
                int index = values == vector ? row : (int) ((BaseIntVector) vector).getValueAsLong(row);
                sample.add(values.getObject(index).toString());
            }
        }
        return sample;
    }

    /** Whether --type named the column: it was converted, or is meant as text. */
    private boolean typed(String column) {
        return inner.unwrap(TypedTextColumns.class).map(types -> types.textMeant(column)).orElse(false);
    }

    private static boolean isText(ArrowType type) {
        return type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View;
    }

    /** The vector of a top-level column or of a struct field named by its path ({@code s.a}). */
    private ValueVector vector(String column) {
        FieldVector top = root().getVector(column);
        if (top != null) {
            return top;
        }
        for (FieldVector candidate : root().getFieldVectors()) {
            ValueVector found = child(candidate, candidate.getName(), column);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static ValueVector child(ValueVector vector, String path, String column) {
        if (!(vector instanceof StructVector struct) || !column.startsWith(path + ".")) {
            return null;
        }
        for (FieldVector field : struct.getChildrenFromFields()) {
            String childPath = path + "." + field.getName();
            if (childPath.equals(column)) {
                return field;
            }
            ValueVector found = child(field, childPath, column);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
