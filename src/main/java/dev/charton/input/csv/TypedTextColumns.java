package dev.charton.input.csv;

import dev.charton.app.TypeNames;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ForwardingTableReader;
import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --type COLUMN=TYPE} on a table whose reader is not the CSV reader (Parquet, Arrow, a query's
 * result): each text column named is read into the type as the CSV reader reads a cell of a column
 * of that type (its evidence checks every value, with the same refusal of one that does not fit,
 * and its consumers convert, with the null tokens, --thousands, --decimal-comma, --date-format and
 * --timestamp-format). Other columns pass through untouched.
 */
public final class TypedTextColumns extends ForwardingTableReader {
    private final String sourceName;
    private final VectorSchemaRoot root;
    private final List<Conversion> conversions;
    private final List<String> textMeant;
    private long rowsBefore;

    /** One text column read into its --type. */
    private record Conversion(int column, ColumnEvidence evidence, FieldVector target, NullTokens nulls) {
    }

    private TypedTextColumns(TableReader inner, String sourceName, VectorSchemaRoot root, List<Conversion> conversions,
                             List<String> textMeant) {
        super(inner);
        this.sourceName = sourceName;
        this.root = root;
        this.conversions = conversions;
        this.textMeant = textMeant;
    }

    /**
     * {@code inner} with the text columns {@code options} types converted; {@code inner} itself when
     * --type names none of its columns. A column that --type names and that is neither text nor of
     * that type already is refused (exit 64).
     */
    public static TableReader of(TableReader inner, CsvOptions options, String sourceName, BufferAllocator allocator) {
        Map<String, CsvType> types = options.typeOverrides();
        List<Field> fields = inner.root().getSchema().getFields();
        // (A field of an Arrow file may have no name, which an immutable map cannot be asked about.)
        if (types.isEmpty() || fields.stream().noneMatch(field -> field.getName() != null && types.containsKey(field.getName()))) {
            return inner;
        }
        List<FieldVector> vectors = new ArrayList<>(inner.root().getFieldVectors());
        List<Conversion> conversions = new ArrayList<>();
        List<String> textMeant = new ArrayList<>();
        Layouts layouts = Layouts.of(options.dateFormat(), options.timestampFormat());
        List<NumberReading> readings = NumberReading.candidates(options.thousands(), options.decimalComma());
        try {
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                CsvType type = field.getName() == null ? null : types.get(field.getName());
                if (type == null) {
                    continue;
                }
                boolean text = isText(field, inner);
                if (text && (type == CsvType.STRING || type == CsvType.CATEGORY)) {
                    textMeant.add(field.getName());
                    continue;
                }
                if (type.arrowType().equals(field.getType()) && field.getDictionary() == null) {
                    continue;
                }
                if (!text) {
                    throw new ChartonException(ExitCode.USAGE, "--type " + field.getName() + "=" + type.displayName()
                            + ": column '" + field.getName() + "' of " + sourceName + " is " + TypeNames.of(field, inner.dictionaries())
                            + ", not text: --type reads text columns (and every column of a CSV file)");
                }
                FieldVector target = new Field(field.getName(), FieldType.nullable(storedType(type)), null)
                        .createVector(allocator);
                vectors.set(i, target);
                conversions.add(new Conversion(i, new ColumnEvidence(field.getName(), type, options.nulls(), layouts,
                        readings, sourceName), target, options.nulls()));
            }
        } catch (RuntimeException e) {
            conversions.forEach(conversion -> conversion.target().close());
            throw e;
        }
        return new TypedTextColumns(inner, sourceName, new VectorSchemaRoot(vectors), conversions, textMeant);
    }

    /** Text, or text encoded as a dictionary. */
    private static boolean isText(Field field, TableReader inner) {
        if (field.getDictionary() == null) {
            return field.getType() instanceof ArrowType.Utf8;
        }
        Dictionary dictionary = inner.dictionaries().lookup(field.getDictionary().getId());
        return dictionary != null && dictionary.getVector() instanceof VarCharVector;
    }

    /** The Arrow type a converted column has: a zone's offsets are not kept, values are UTC. */
    private static ArrowType storedType(CsvType type) {
        return new Storage(type, null, NumberReading.PLAIN).field("").getType();
    }

    /** Whether --type says the column, text, is meant as text (no word that it reads as numbers). */
    public boolean textMeant(String column) {
        return textMeant.contains(column) || conversions.stream()
                .anyMatch(conversion -> root.getSchema().getFields().get(conversion.column()).getName().equals(column));
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public boolean loadNextBatch() {
        if (!inner.loadNextBatch()) {
            return false;
        }
        int rows = inner.root().getRowCount();
        for (Conversion conversion : conversions) {
            convert(conversion, inner.root().getVector(conversion.column()), rows);
        }
        root.setRowCount(rows);
        rowsBefore += rows;
        return true;
    }

    /** Checks every value of the batch as the CSV reader's first pass does, then converts them as its second. */
    private void convert(Conversion conversion, FieldVector column, int rows) {
        DictionaryEncoding encoding = column.getField().getDictionary();
        VarCharVector text = (VarCharVector) (encoding == null ? column
                : inner.dictionaries().lookup(encoding.getId()).getVector());
        RowChunk chunk = new RowChunk(Math.max(rows, 1));
        for (int row = 0; row < rows; row++) {
            int index = encoding == null || column.isNull(row) ? row : (int) ((BaseIntVector) column).getValueAsLong(row);
            String value = column.isNull(row) ? null : new String(text.get(index), StandardCharsets.UTF_8);
            chunk.add(new String[]{value}, rowsBefore + row + 1); // a message's "line" is the row's number
        }
        for (int row = 0; row < rows; row++) {
            conversion.evidence().observe(chunk, row, 0, null, null);
        }
        FieldVector target = conversion.target();
        target.reset();
        ColumnConsumer<?> consumer = ColumnConsumer.create(conversion.evidence().storage(), null, target,
                conversion.nulls());
        consumer.convertColumn(chunk, 0, null, null, 0, rows, 0, sourceName);
        target.setValueCount(rows);
    }

    @Override
    public void close() {
        try {
            conversions.forEach(conversion -> conversion.target().close());
        } finally {
            super.close();
        }
    }
}
