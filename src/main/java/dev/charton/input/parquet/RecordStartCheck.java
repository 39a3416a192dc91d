package dev.charton.input.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.io.ParquetDecodingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.PrimitiveIterator;

/**
 * The pages of a row group for record assembly, refusing a repeated column whose first value does
 * not start a record (repetition level 0): parquet-java would silently append it to a record that
 * does not exist. Only the first page of each column chunk is looked at; after it, every level 0
 * starts a record by definition.
 */
final class RecordStartCheck implements PageReadStore {
    private final PageReadStore pages;

    RecordStartCheck(PageReadStore pages) {
        this.pages = pages;
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor column) {
        PageReader reader = pages.getPageReader(column);
        return column.getMaxRepetitionLevel() == 0 ? reader : new FirstPageCheck(reader, column);
    }

    @Override
    public long getRowCount() {
        return pages.getRowCount();
    }

    @Override
    public Optional<Long> getRowIndexOffset() {
        return pages.getRowIndexOffset();
    }

    @Override
    public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
        return pages.getRowIndexes();
    }

    private static final class FirstPageCheck implements PageReader {
        private final PageReader reader;
        private final ColumnDescriptor column;
        private boolean checked;

        FirstPageCheck(PageReader reader, ColumnDescriptor column) {
            this.reader = reader;
            this.column = column;
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return reader.readDictionaryPage();
        }

        @Override
        public long getTotalValueCount() {
            return reader.getTotalValueCount();
        }

        @Override
        public DataPage readPage() {
            DataPage page = reader.readPage();
            if (checked || page == null || page.getValueCount() == 0) {
                return page;
            }
            checked = true;
            try {
                if (page instanceof DataPageV1 v1) {
                    // The bytes are read twice, here and by the assembly: held in memory, they can be.
                    DataPageV1 held = new DataPageV1(BytesInput.from(v1.getBytes().toByteArray()), v1.getValueCount(),
                            v1.getUncompressedSize(), v1.getStatistics(), v1.getRlEncoding(), v1.getDlEncoding(),
                            v1.getValueEncoding());
                    ValuesReader levels = held.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL);
                    levels.initFromPage(held.getValueCount(), held.getBytes().toInputStream());
                    check(levels.readInteger());
                    return held;
                }
                DataPageV2 v2 = (DataPageV2) page;
                check(new RunLengthBitPackingHybridDecoder(BytesUtils.getWidthFromMaxInt(column.getMaxRepetitionLevel()),
                        v2.getRepetitionLevels().toInputStream()).readInt());
                return page;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void check(int firstLevel) {
            if (firstLevel != 0) {
                throw new ParquetDecodingException("column " + String.join(".", column.getPath())
                        + " starts a row group with repetition level " + firstLevel + ", where a record must start at 0");
            }
        }
    }
}
