package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.plan.ColumnType;
import dev.charton.pipeline.stats.CalendarCells;
import dev.charton.pipeline.stats.DistinctCount;
import dev.charton.pipeline.stats.NumericCells;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One heatmap axis as grammar.py's {@code _cells} makes it: its values as they are, or, for a number
 * or time with more than {@value DistinctCount#HEATMAP_CELLS} distinct values, the index of its
 * interval (round numeric edges; calendar steps for times, in the unit pandas holds them in). Nulls
 * and values outside every interval are the axis's {@code null} cell.
 */
final class HeatmapAxis implements AutoCloseable {
    /** grammar.DEFAULT_HEATMAP_BINS. */
    private static final int DEFAULT_BINS = 10;

    private final ArrowType type;
    private final Integer bins;
    private final KeyColumn values;
    private final DistinctCount distinct = new DistinctCount(DistinctCount.HEATMAP_CELLS);
    private final ColumnType kind;
    private final long nanosecondsPerUnit;
    private final long unitsPerValue;
    private double low = Double.POSITIVE_INFINITY;
    private double high = Double.NEGATIVE_INFINITY;
    private long least = Long.MAX_VALUE;
    private long greatest = Long.MIN_VALUE;
    private NumericCells numericCells;
    private CalendarCells temporalCells;
    private NumberView view;

    HeatmapAxis(Field field, Integer bins, BufferAllocator allocator) {
        this.type = field.getType();
        this.bins = bins;
        this.values = new KeyColumn(field, allocator);
        this.kind = ColumnType.of(field);
        this.nanosecondsPerUnit = nanosecondsPerUnit(field.getType());
        this.unitsPerValue = unitsPerValue(field.getType());
    }

    /** Dates are days in Arrow and milliseconds in pandas. */
    private static long unitsPerValue(ArrowType type) {
        return type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY ? 86_400_000L : 1L;
    }

    /**
     * The intervals of a binned time axis of {@code type} whose values, as its Arrow vector holds
     * them, run from {@code least} to {@code greatest}.
     */
    static CalendarCells calendar(ArrowType type, long least, long greatest, Integer bins) {
        return CalendarCells.of(least * unitsPerValue(type), greatest * unitsPerValue(type), nanosecondsPerUnit(type),
                timeIntervals(bins));
    }

    /** The intervals asked of a binned number axis: --bins, or grammar's default. */
    static int intervals(Integer bins) {
        return bins == null ? DEFAULT_BINS : bins;
    }

    /**
     * The most intervals of a binned time axis: --bins, or as many as an axis shows unbinned, so
     * four years of days fall into 48 months rather than 8 half-years.
     */
    static int timeIntervals(Integer bins) {
        return bins == null ? DistinctCount.HEATMAP_CELLS : bins;
    }

    /** Nanoseconds per unit of the values as pandas holds them (dates: milliseconds). */
    private static long nanosecondsPerUnit(ArrowType type) {
        TimeUnit unit = type instanceof ArrowType.Timestamp stamp ? stamp.getUnit()
                : type instanceof ArrowType.Time time ? time.getUnit() : TimeUnit.MILLISECOND;
        return switch (unit) {
            case SECOND -> 1_000_000_000L;
            case MILLISECOND -> 1_000_000L;
            case MICROSECOND -> 1_000L;
            case NANOSECOND -> 1L;
        };
    }

    /** First scan: counts distinct values (up to the limit) and their range. */
    void observe(FieldVector vector) {
        if (!kind.continuous()) {
            return;
        }
        NumberView numbers = NumberView.of(vector);
        for (int row = 0; row < vector.getValueCount(); row++) {
            if (numbers.isNull(row)) {
                continue;
            }
            if (kind == ColumnType.TEMPORAL) {
                long value = numbers.key(row) * unitsPerValue;
                distinct.add(value);
                least = Math.min(least, value);
                greatest = Math.max(greatest, value);
            } else {
                double value = numbers.get(row);
                distinct.add(value);
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
    }

    /** After the first scan: whether the axis is binned, and its intervals. */
    void decide() {
        if (!kind.continuous() || !distinct.exceedsLimit()) {
            return;
        }
        if (kind == ColumnType.TEMPORAL) {
            temporalCells = CalendarCells.of(least, greatest, nanosecondsPerUnit, timeIntervals(bins));
        } else {
            numericCells = NumericCells.of(low, high, intervals(bins));
        }
    }

    /**
     * Instead of the first scan, an engine's count (whether the axis has more distinct values than
     * the limit) and the range of the axis.
     */
    void decide(EngineGroups.AxisCounts counts) {
        if (!kind.continuous() || !counts.many()) {
            return;
        }
        if (kind == ColumnType.TEMPORAL) {
            temporalCells = calendar(type, counts.least(), counts.greatest(), bins);
        } else {
            numericCells = NumericCells.of(counts.low(), counts.high(), intervals(bins));
        }
    }

    private boolean binned() {
        return numericCells != null || temporalCells != null;
    }

    void bind(FieldVector vector, DictionaryProvider dictionaries) {
        if (binned()) {
            view = NumberView.of(vector);
        } else {
            values.bind(vector, dictionaries);
        }
    }

    /** The row's cell on this axis: a value's id, an interval's index, or {@link KeyColumn#NULL}. */
    int cell(int row) {
        if (!binned()) {
            return values.id(row);
        }
        if (view.isNull(row)) {
            return KeyColumn.NULL;
        }
        int bin = temporalCells != null ? temporalCells.binOf(view.key(row) * unitsPerValue) : numericCells.binOf(view.get(row));
        return bin < 0 ? KeyColumn.NULL : bin;
    }

    /** The output column: the values' type, or int32 interval indexes. */
    FieldVector column(OutputColumns out, String name) {
        return binned() ? out.int32(name) : out.key(name, values);
    }

    void write(FieldVector out, int row, int cell) {
        if (!binned()) {
            values.write(out, row, cell);
        } else if (cell != KeyColumn.NULL) {
            ((IntVector) out).setSafe(row, cell);
        }
    }

    /**
     * Adds the interval edges to {@code reduced} as {@code <axis>_edges}; for times, whole numbers of
     * the values' unit since the epoch (times of day: since midnight), with the step as
     * {@code <axis>_calendar} (unit, multiple, the unit's nanoseconds and whether the values are times
     * of day), from which chartonpy labels them.
     */
    void putEdges(ObjectNode reduced, String axis) {
        if (numericCells != null) {
            ArrayNode edges = reduced.putArray(axis + "_edges");
            for (double edge : numericCells.edges()) {
                edges.add(edge);
            }
        } else if (temporalCells != null) {
            ArrayNode edges = reduced.putArray(axis + "_edges");
            for (long edge : temporalCells.edges()) {
                edges.add(edge);
            }
            ObjectNode calendar = reduced.putObject(axis + "_calendar");
            calendar.put("unit", temporalCells.step().unit().label());
            calendar.put("multiple", temporalCells.step().multiple());
            calendar.put("nanos_per_unit", nanosecondsPerUnit);
            if (type instanceof ArrowType.Time) {
                calendar.put("time_of_day", true);
            }
        }
    }

    @Override
    public void close() {
        values.close();
    }
}
