package dev.charton.input.csv;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;

/**
 * Turns a spooled batch of one column into the column's final type. Every promotion the type
 * lattice allows between stored values is exact here (an int64 becomes the same double that its
 * text would parse to); only a promotion to text needs the text itself ({@link #TEXT}).
 */
enum ColumnCast {
    /** Same storage: the buffers move over, nothing is copied. */
    TRANSFER,
    /** The segment has no value in this column: all nulls, whatever the type. */
    NULLS,
    INT_TO_DECIMAL,
    INT_TO_FLOAT,
    DECIMAL_TO_FLOAT,
    DATE_TO_TIMESTAMP,
    /** Dictionary indices back to their texts (the column turned out to need no dictionary). */
    DECODE,
    /** The stored values cannot give back the exact text: it is read again from the file. */
    TEXT;


    static ColumnCast between(Storage stored, boolean hasValues, Storage target) {
        if (!hasValues) {
            return NULLS;
        }
        CsvType from = stored.type();
        CsvType to = target.type();
        if (stored.equals(target) || from == CsvType.DATE && to == CsvType.DATE && stored.pattern() == null) {
            return TRANSFER; // (ISO dates read the same whatever layout the column's other dates have)
        }
        if (from == CsvType.INT64 && to == CsvType.DECIMAL) {
            return INT_TO_DECIMAL;
        }
        if (from == CsvType.INT64 && to == CsvType.FLOAT64) {
            return INT_TO_FLOAT;
        }
        if (from == CsvType.DECIMAL && to == CsvType.FLOAT64) {
            return DECIMAL_TO_FLOAT;
        }
        if (from == CsvType.DATE && stored.pattern() == null && to == CsvType.TIMESTAMP) {
            return DATE_TO_TIMESTAMP;
        }
        if (from == CsvType.CATEGORY && to == CsvType.STRING) {
            return DECODE;
        }
        return TEXT;
    }

    /** Fills {@code to} (reset, for this batch) from {@code from}; not for {@link #TEXT}. */
    void apply(FieldVector from, FieldVector to, int rows, DistinctValues dictionary) {
        switch (this) {
            case TRANSFER:
                from.makeTransferPair(to).transfer();
                return;
            case NULLS:
                return;
            default:
                for (int i = 0; i < rows; i++) {
                    if (from.isNull(i)) {
                        to.setNull(i);
                    } else {
                        convert(from, to, i, dictionary);
                    }
                }
        }
    }

    private void convert(FieldVector from, FieldVector to, int i, DistinctValues dictionary) {
        switch (this) {
            case INT_TO_DECIMAL:
                ((DecimalVector) to).setSafe(i, ((BigIntVector) from).get(i));
                break;
            case INT_TO_FLOAT:
                ((Float8Vector) to).setSafe(i, (double) ((BigIntVector) from).get(i));
                break;
            case DECIMAL_TO_FLOAT:
                ((Float8Vector) to).setSafe(i, ((DecimalVector) from).getObject(i).doubleValue());
                break;
            case DATE_TO_TIMESTAMP:
                ((TimeStampVector) to).setSafe(i, ((DateDayVector) from).get(i) * TextValues.MICROS_PER_DAY);
                break;
            case DECODE:
                String text = dictionary.get(((IntVector) from).get(i));
                ((VarCharVector) to).setSafe(i, text.getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw new IllegalStateException(this + " is not a conversion between stored values");
        }
    }
}
