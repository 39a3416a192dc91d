package dev.charton.input.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One top-level, non-repeated column of a row group, decoded page by page straight into its Arrow
 * vector: the definition levels of a page say which rows are null, and the page's values go to the
 * rows that are not, in runs. Without repetition every value is one row, so no record assembly.
 */
final class FlatColumn {
    private final ColumnDescriptor column;
    private final PageReader pages;
    private final PageValues.Factory values;
    private final int maxDefinition;
    private int[] levels = new int[0];
    private PageValues page;
    private int pageRows;
    private int pageNext;
    /** Whether no row of the current page is null, so its values go to consecutive rows without a look at levels. */
    private boolean pageFull;

    FlatColumn(ColumnDescriptor column, PageReader pages, FieldVector vector, PrimitiveSink sink, String createdBy) {
        this.column = column;
        this.pages = pages;
        this.maxDefinition = column.getMaxDefinitionLevel();
        DictionaryPage dictionary = pages.readDictionaryPage();
        this.values = new PageValues.Factory(column, vector, sink, dictionary, createdBy);
    }

    /** Writes the column's next {@code count} rows at rows {@code first}, {@code first + 1}, ... of the vector. */
    void read(int first, int count) {
        int row = first;
        int end = first + count;
        while (row < end) {
            if (pageNext == pageRows) {
                nextPage();
            }
            int rows = Math.min(end - row, pageRows - pageNext);
            if (pageFull) {
                page.write(row, rows);
            } else {
                writeRunsOfValues(row, rows);
            }
            pageNext += rows;
            row += rows;
        }
    }

    /** Nulls are left unset (the vector starts zeroed); each run of present values is written at once. */
    private void writeRunsOfValues(int row, int rows) {
        int i = 0;
        while (i < rows) {
            int start = i;
            boolean present = levels[pageNext + i] == maxDefinition;
            while (i < rows && (levels[pageNext + i] == maxDefinition) == present) {
                i++;
            }
            if (present) {
                page.write(row + start, i - start);
            }
        }
    }

    private void nextPage() {
        DataPage data = pages.readPage();
        if (data == null) {
            throw new ParquetDecodingException("column " + String.join(".", column.getPath())
                    + " holds fewer values than its row group has rows");
        }
        pageRows = data.getValueCount();
        pageNext = 0;
        pageFull = maxDefinition == 0;
        if (maxDefinition > 0 && levels.length < pageRows) {
            levels = new int[pageRows];
        }
        try {
            if (data instanceof DataPageV1 v1) {
                ByteBufferInputStream in = v1.getBytes().toInputStream();
                if (maxDefinition > 0 && v1.getDlEncoding() == Encoding.RLE) {
                    // In a v1 page the levels' byte length comes first.
                    int length = BytesUtils.readIntLittleEndian(in);
                    readLevels(new HybridInts(levelWidth(), in.slice(length)));
                } else if (maxDefinition > 0) {
                    ValuesReader definitions = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
                    definitions.initFromPage(pageRows, in);
                    for (int i = 0; i < pageRows; i++) {
                        levels[i] = definitions.readInteger();
                    }
                }
                page = values.forPage(v1.getValueEncoding(), pageRows, in);
            } else {
                DataPageV2 v2 = (DataPageV2) data;
                if (maxDefinition > 0) {
                    readLevels(new HybridInts(levelWidth(), v2.getDefinitionLevels().toByteBuffer()));
                }
                page = values.forPage(v2.getDataEncoding(), pageRows, v2.getData().toInputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!pageFull) {
            checkLevels();
        }
    }

    /** The page's definition levels: none read when one run says every row is present. */
    private void readLevels(HybridInts definitions) {
        pageFull = definitions.skipRepeats(pageRows, maxDefinition);
        if (!pageFull) {
            definitions.read(levels, 0, pageRows);
        }
    }

    private int levelWidth() {
        return BytesUtils.getWidthFromMaxInt(maxDefinition);
    }

    /** A level above the column's maximum would make a corrupt page read as values. */
    private void checkLevels() {
        for (int i = 0; maxDefinition > 0 && i < pageRows; i++) {
            if (levels[i] > maxDefinition || levels[i] < 0) {
                throw new ParquetDecodingException("column " + String.join(".", column.getPath())
                        + " has a definition level of " + levels[i] + ", above its maximum " + maxDefinition);
            }
        }
    }
}
