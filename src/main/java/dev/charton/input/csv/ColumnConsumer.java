package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

import java.util.List;

/**
 * Writes the cells of one CSV column into its Arrow vector: one small consumer per Arrow type, in
 * the manner of Arrow's JDBC adapter. The first pass has checked every cell against the column's
 * type, so a consumer only converts; a text it cannot convert means the file changed in between.
 */
abstract class ColumnConsumer<V extends FieldVector> {
    final V vector;
    private final NullTokens nulls;
    /** How the column writes numbers; cells are turned plain before {@link #set}. */
    private NumberReading reading = NumberReading.PLAIN;

    ColumnConsumer(V vector, NullTokens nulls) {
        this.vector = vector;
        this.nulls = nulls;
    }

    final FieldVector vector() {
        return vector;
    }

    /** Stores one non-null cell: the exact text for text columns, else without surrounding spaces. */
    abstract void set(int row, String text);

    /** Whether {@link #set} gets the cell exactly as written (text columns) rather than trimmed. */
    boolean keepsExactText() {
        return false;
    }

    /** Whether the column stores the values classification parsed ({@link RowChunk#parsed}) as they are. */
    boolean takesParsed() {
        return false;
    }

    /** Stores a value classification parsed; only called when {@link #takesParsed}. */
    void setParsed(int row, long value) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no parsed values");
    }

    /** Whether {@code NaN} is a null here (float columns, with the default null tokens). */
    boolean nanIsNull() {
        return false;
    }

    final void consume(int row, String raw) {
        if (raw == null) {
            vector.setNull(row);
            return;
        }
        String text = TextValues.trim(raw);
        if (nulls.isNull(text) || (nanIsNull() && nulls.isFloatNaN(text))) {
            vector.setNull(row);
            return;
        }
        set(row, keepsExactText() ? raw : reading.isPlain() ? text : reading.plain(text));
    }

    static ColumnConsumer<?> create(Storage storage, DistinctValues dictionary, FieldVector vector, NullTokens nulls) {
        ColumnConsumer<?> consumer = forType(storage, dictionary, vector, nulls);
        consumer.reading = storage.reading();
        return consumer;
    }

    private static ColumnConsumer<?> forType(Storage storage, DistinctValues dictionary, FieldVector vector,
                                             NullTokens nulls) {
        switch (storage.type()) {
            case BOOLEAN: return new BooleanConsumer((BitVector) vector, nulls);
            case INT64: return new Int64Consumer((BigIntVector) vector, nulls);
            case DECIMAL: return new DecimalConsumer((DecimalVector) vector, nulls);
            case FLOAT64: return new Float64Consumer((Float8Vector) vector, nulls);
            case DATE: return new DateConsumer((DateDayVector) vector, nulls, storage.pattern());
            case TIMESTAMP: return new TimestampConsumer((TimeStampVector) vector, nulls, false, storage.pattern());
            case TIMESTAMP_TZ: return new TimestampConsumer((TimeStampVector) vector, nulls, true, null);
            case TIME: return new TimeConsumer((TimeMicroVector) vector, nulls);
            case CATEGORY: return new DictionaryConsumer((IntVector) vector, nulls, dictionary);
            default: return new StringConsumer((VarCharVector) vector, nulls);
        }
    }

    /**
     * Converts {@code count} rows of {@code rows} from {@code from} into rows {@code at}... of the
     * consumers' vectors, column by column; consumer {@code c} takes the cells at {@code sources[c]}.
     */
    static void convert(List<ColumnConsumer<?>> consumers, int[] sources, RowChunk rows, int from, int count, int at,
                        String sourceName) {
        for (int c = 0; c < consumers.size(); c++) {
            ColumnConsumer<?> consumer = consumers.get(c);
            int[] codes = rows.codes == null ? null : rows.codes[c];
            long[] parsed = rows.parsed == null || !consumer.takesParsed() ? null : rows.parsed[c];
            consumer.convertColumn(rows, sources[c], codes, parsed, from, count, at, sourceName);
        }
    }

    /**
     * Converts one column of {@code count} rows; {@code codes} are the rows' dictionary codes, and
     * {@code parsed} the values classification parsed, if known.
     */
    void convertColumn(RowChunk rows, int source, int[] codes, long[] parsed, int from, int count, int at,
                       String sourceName) {
        int r = 0;
        try {
            for (; r < count; r++) {
                long value = parsed == null ? TextValues.NOT_A_VALUE : parsed[from + r];
                if (value != TextValues.NOT_A_VALUE) {
                    setParsed(at + r, value);
                } else {
                    consume(at + r, rows.rows[from + r][source]);
                }
            }
        } catch (RuntimeException e) {
            throw new ChartonException(ExitCode.DATA, sourceName + ":" + rows.startLine(from + r) + ": column '"
                    + vector.getName() + "': " + e.getMessage(), e);
        }
    }

    /** Thrown by a consumer for a text that is not of its type. */
    static IllegalArgumentException notA(String type, String text) {
        return new IllegalArgumentException("'" + ColumnEvidence.abbreviate(text) + "' is not " + type);
    }
}
