package dev.charton.input.parquet;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.util.List;

/**
 * Refuses, from the footer alone, a text or binary column whose values for one batch would exceed
 * the 2 GiB an Arrow string or binary vector holds (a few rows of huge values): otherwise they are
 * decompressed, gigabytes of them, before Arrow refuses them. The footer gives each row group's
 * uncompressed size of the column; a batch holds up to {@code batchRows} of its rows.
 */
final class BatchSizeCheck {
    private static final long MAX_BATCH_BYTES = Integer.MAX_VALUE;

    private BatchSizeCheck() {
    }

    static void check(MessageType requested, List<BlockMetaData> rowGroups, int batchRows, String sourceName) {
        for (BlockMetaData rowGroup : rowGroups) {
            long rows = rowGroup.getRowCount();
            for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                if (rows == 0 || chunk.getPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY
                        || !requested.containsPath(chunk.getPath().toArray())) {
                    continue;
                }
                // Less the 4-byte length before each plain value: the least the values can take.
                long valueBytes = chunk.getTotalUncompressedSize() - 4 * chunk.getValueCount();
                double perBatch = (double) valueBytes / rows * Math.min(rows, batchRows);
                if (perBatch > MAX_BATCH_BYTES) {
                    throw new ChartonException(ExitCode.DATA, sourceName + ": column '" + chunk.getPath().toArray()[0]
                            + "' holds " + valueBytes / (1 << 20) + " MiB in " + rows + " rows, so the values of one"
                            + " batch exceed Arrow's 2 GiB limit for a string, binary or list column; read fewer"
                            + " columns with --columns");
                }
            }
        }
    }
}
