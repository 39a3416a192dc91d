package dev.charton.input.parquet;

import dev.charton.input.ColumnRange;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.List;
import java.util.Optional;

/**
 * A flat column's range from the statistics of every row group in the footer, for the types whose
 * statistics are the very numbers the Arrow vector holds: signed integers, dates, times,
 * timestamps (INT64), floats and doubles. Unsigned and decimal columns order or scale differently,
 * INT96 timestamps are converted: none of them has a recorded range.
 */
final class RecordedRanges {
    private RecordedRanges() {
    }

    static Optional<ColumnRange> of(MessageType schema, List<BlockMetaData> rowGroups, String name) {
        if (!schema.containsField(name)) {
            return Optional.empty();
        }
        Type field = schema.getType(name);
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED) || !numeric(field.asPrimitiveType())) {
            return Optional.empty();
        }
        ColumnPath path = ColumnPath.get(name);
        ColumnRange range = null;
        boolean nulls = false;
        for (BlockMetaData rowGroup : rowGroups) {
            ColumnChunkMetaData chunk = chunk(rowGroup, path);
            Statistics<?> statistics = chunk == null ? null : chunk.getStatistics();
            if (statistics == null || statistics.isEmpty() || !statistics.isNumNullsSet()) {
                return Optional.empty();
            }
            nulls |= statistics.getNumNulls() > 0;
            if (!statistics.hasNonNullValue()) {
                continue;
            }
            double min = ((Number) statistics.genericGetMin()).doubleValue();
            double max = ((Number) statistics.genericGetMax()).doubleValue();
            if (!(min <= max)) {
                return Optional.empty();
            }
            ColumnRange part = new ColumnRange(min, max, false);
            range = range == null ? part : range.union(part);
        }
        return range == null ? Optional.empty() : Optional.of(new ColumnRange(range.min(), range.max(), nulls));
    }

    private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, ColumnPath path) {
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            if (chunk.getPath().equals(path)) {
                return chunk;
            }
        }
        return null;
    }

    private static boolean numeric(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT32:
            case INT64:
                return logical == null
                        || (logical instanceof IntLogicalTypeAnnotation i && i.isSigned())
                        || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
            case FLOAT:
            case DOUBLE:
                return logical == null;
            default:
                return false;
        }
    }
}
