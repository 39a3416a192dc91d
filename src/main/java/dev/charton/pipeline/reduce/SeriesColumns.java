package dev.charton.pipeline.reduce;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What splits rows into series and panels: the --y column a value comes from, --color and --facet.
 * Writes the {@code column}, {@code color} and {@code facet} columns of the reduced table.
 */
final class SeriesColumns implements AutoCloseable {
    /** grammar.MAX_SPLITS. */
    static final int MAX_SPLITS = 30;

    private final List<String> yNames;
    private final KeyColumn color;
    private final KeyColumn facet;
    private final String colorName;
    private final String facetName;
    private final Series[] lastOfColumn;
    private final int[] lastIdOfColumn;
    private final Map<Series, Integer> ids = new HashMap<>();
    private final List<Series> byId = new ArrayList<>();
    private VarCharVector columnOut;
    private FieldVector colorOut;
    private FieldVector facetOut;

    SeriesColumns(List<String> yNames, String colorName, String facetName, Schema schema, BufferAllocator allocator) {
        this.yNames = yNames;
        this.lastOfColumn = new Series[Math.max(1, yNames.size())];
        this.lastIdOfColumn = new int[lastOfColumn.length];
        this.colorName = colorName;
        this.facetName = facetName;
        this.color = colorName == null ? null : new KeyColumn(schema.findField(colorName), allocator);
        this.facet = facetName == null ? null : new KeyColumn(schema.findField(facetName), allocator);
    }

    void bind(VectorSchemaRoot batch, DictionaryProvider dictionaries) {
        if (color != null) {
            color.bind(batch.getVector(colorName), dictionaries);
        }
        if (facet != null) {
            facet.bind(batch.getVector(facetName), dictionaries);
        }
    }

    /**
     * grammar.py refuses more than {@value #MAX_SPLITS} series or panels; checked as rows come, so a
     * column of a million values is refused before it fills memory (the message then gives a floor).
     */
    private static void checkSplits(KeyColumn key, String option, String name, String what) {
        if (key != null && key.labels() > MAX_SPLITS) {
            throw new ChartonException(ExitCode.USAGE, option + " '" + name + "' has more than " + MAX_SPLITS
                    + " distinct values; one " + what + " per value needs at most " + MAX_SPLITS);
        }
    }

    /** Whether --color or --facet splits the rows: then a value's series depends on its row, not only on its --y column. */
    boolean keyed() {
        return color != null || facet != null;
    }

    /** The series of a row's value from the {@code column}-th --y column. */
    Series of(int column, int row) {
        int colorId = color == null ? KeyColumn.NULL : color.id(row);
        int facetId = facet == null ? KeyColumn.NULL : facet.id(row);
        // Neighbouring rows mostly belong to one series: reusing it spares an object per row and value.
        Series last = lastOfColumn[column];
        if (last != null && last.color() == colorId && last.facet() == facetId) {
            return last;
        }
        checkSplits(color, "--color", colorName, "series");
        checkSplits(facet, "--facet", facetName, "panel");
        lastOfColumn[column] = new Series(column, colorId, facetId);
        return lastOfColumn[column];
    }

    /**
     * The dense id (0, 1, 2, ... in order of first appearance) of the series {@link #of} gives; the
     * map is only consulted when a row's series differs from the previous row's of that column.
     */
    int id(int column, int row) {
        Series previous = lastOfColumn[column];
        if (previous != null && color == null && facet == null) {
            return lastIdOfColumn[column];
        }
        Series series = of(column, row);
        if (series != previous || previous == null) {
            Integer id = ids.get(series);
            if (id == null) {
                id = byId.size();
                ids.put(series, id);
                byId.add(series);
            }
            lastIdOfColumn[column] = id;
        }
        return lastIdOfColumn[column];
    }

    /** The series of an {@link #id}. */
    Series series(int id) {
        return byId.get(id);
    }

    /** How many series {@link #id} has numbered. */
    int count() {
        return byId.size();
    }

    /** Adds the key columns this chart has, after whatever the statistic added first (x). */
    void addColumns(OutputColumns out) {
        columnOut = yNames.size() > 1 ? out.utf8("column") : null;
        colorOut = color == null ? null : out.key("color", color);
        facetOut = facet == null ? null : out.key("facet", facet);
    }

    void write(int row, Series series) {
        if (columnOut != null) {
            OutputColumns.setText(columnOut, row, yNames.get(series.column()));
        }
        if (colorOut != null) {
            color.write(colorOut, row, series.color());
        }
        if (facetOut != null) {
            facet.write(facetOut, row, series.facet());
        }
    }

    @Override
    public void close() {
        if (color != null) {
            color.close();
        }
        if (facet != null) {
            facet.close();
        }
    }
}
