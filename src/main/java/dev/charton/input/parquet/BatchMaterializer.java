package dev.charton.input.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;

import java.util.List;

/** Receives whole records from Parquet's assembly and lays each one down as the next row of the batch. */
final class BatchMaterializer extends RecordMaterializer<Void> {
    private final List<VectorConverter> columns;
    private final GroupConverter root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return columns.get(fieldIndex).asConverter();
        }

        @Override
        public void start() {
            for (VectorConverter column : columns) {
                column.open(rows);
            }
        }

        @Override
        public void end() {
            for (VectorConverter column : columns) {
                column.close();
            }
            rows++;
        }
    };
    private int rows;

    /** {@code columns} in the order of the requested Parquet schema. */
    BatchMaterializer(List<VectorConverter> columns) {
        this.columns = columns;
    }

    void startBatch() {
        rows = 0;
    }

    int rows() {
        return rows;
    }

    @Override
    public Void getCurrentRecord() {
        return null;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
