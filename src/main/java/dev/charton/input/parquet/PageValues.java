package dev.charton.input.parquet;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.CorruptDeltaByteArrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.RequiresPreviousReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.dictionary.DictionaryValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;

/** The values of one data page, written to consecutive rows of a vector as the page's rows come. */
interface PageValues {

    /** Writes the page's next {@code count} values to rows {@code row}, {@code row + 1}, ... */
    void write(int row, int count);

    /**
     * Picks, for each page of a column, the fastest way to its values: a copy of plain little-endian
     * numbers, a dictionary lookup, length-prefixed bytes, or else parquet-java's decoder for the
     * page's encoding feeding the column's sink one value at a time.
     */
    final class Factory {
        private final ColumnDescriptor column;
        private final PrimitiveSink sink;
        private final String createdBy;
        private final BaseFixedWidthVector fixedWidth;
        private final BaseVariableWidthVector variableWidth;
        private final Dictionary dictionary;
        private final long[] dictionaryBits;
        private final byte[][] dictionaryBytes;
        private final DirectValues.Scratch scratch = new DirectValues.Scratch();
        private ValuesReader previousReader;

        Factory(ColumnDescriptor column, FieldVector vector, PrimitiveSink sink, DictionaryPage dictionaryPage,
                String createdBy) {
            this.column = column;
            this.sink = sink;
            this.createdBy = createdBy;
            PrimitiveTypeName physical = column.getPrimitiveType().getPrimitiveTypeName();
            int width = DirectValues.byteWidth(physical);
            this.fixedWidth = width > 0 && vector instanceof BaseFixedWidthVector v && v.getTypeWidth() == width ? v : null;
            this.variableWidth = physical == PrimitiveTypeName.BINARY && vector instanceof BaseVariableWidthVector v ? v : null;
            try {
                this.dictionary = dictionaryPage == null ? null
                        : dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
            } catch (IOException e) {
                throw new ParquetDecodingException("cannot read the dictionary of column " + column, e);
            }
            this.dictionaryBits = fixedWidth != null && dictionary != null ? DirectValues.bits(dictionary, physical) : null;
            this.dictionaryBytes = variableWidth != null && dictionary != null ? DirectValues.bytes(dictionary) : null;
        }

        PageValues forPage(Encoding encoding, int valueCount, ByteBufferInputStream in) throws IOException {
            if (encoding.usesDictionary()) {
                if (dictionary == null) {
                    throw new ParquetDecodingException("a dictionary-encoded page of column " + column
                            + " has no dictionary page before it");
                }
                if (dictionaryBits != null) {
                    return new DirectValues.FixedWidthFromDictionary(fixedWidth, dictionaryBits, DirectValues.ids(in, scratch),
                            scratch);
                }
                if (dictionaryBytes != null) {
                    return new DirectValues.VariableWidthFromDictionary(variableWidth, dictionaryBytes,
                            DirectValues.ids(in, scratch), scratch);
                }
                return converted(new DictionaryValuesReader(dictionary), valueCount, in);
            }
            if (encoding == Encoding.PLAIN && fixedWidth != null) {
                return new DirectValues.PlainFixedWidth(fixedWidth, in.slice(in.available()));
            }
            if (encoding == Encoding.PLAIN && variableWidth != null) {
                return new DirectValues.PlainVariableWidth(variableWidth, in.slice(in.available()));
            }
            ValuesReader reader = encoding.getValuesReader(column, ValuesType.VALUES);
            if (reader instanceof RequiresPreviousReader sequential && previousReader != null
                    && CorruptDeltaByteArrays.requiresSequentialReads(createdBy, encoding)) {
                sequential.setPreviousReader(previousReader);
            }
            previousReader = reader;
            return converted(reader, valueCount, in);
        }

        private PageValues converted(ValuesReader reader, int valueCount, ByteBufferInputStream in) throws IOException {
            reader.initFromPage(valueCount, in);
            return new ConvertedValues(reader, sink, column.getPrimitiveType().getPrimitiveTypeName());
        }
    }

    /** Values parquet-java decodes, handed to the column's sink, which converts them for Arrow. */
    final class ConvertedValues implements PageValues {
        private final ValuesReader reader;
        private final PrimitiveSink sink;
        private final PrimitiveTypeName physical;

        ConvertedValues(ValuesReader reader, PrimitiveSink sink, PrimitiveTypeName physical) {
            this.reader = reader;
            this.sink = sink;
            this.physical = physical;
        }

        @Override
        public void write(int row, int count) {
            for (int i = row; i < row + count; i++) {
                sink.open(i);
                switch (physical) {
                    case BOOLEAN -> sink.addBoolean(reader.readBoolean());
                    case INT32 -> sink.addInt(reader.readInteger());
                    case INT64 -> sink.addLong(reader.readLong());
                    case FLOAT -> sink.addFloat(reader.readFloat());
                    case DOUBLE -> sink.addDouble(reader.readDouble());
                    default -> sink.addBinary(reader.readBytes());
                }
            }
        }
    }
}
