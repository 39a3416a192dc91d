package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers the type of each selected column from every row of the file (the first pass), so that a
 * float or a word on row 60,000 promotes the column instead of failing the read. See
 * {@link ColumnEvidence} for what is learned per column.
 */
final class TypeSniffer {
    private final int[] columns;
    private final ColumnEvidence[] evidence;

    /**
     * @param names    every column of the file
     * @param columns  the positions of the columns to read, in output order
     */
    TypeSniffer(List<String> names, int[] columns, CsvOptions options, String sourceName) {
        this.columns = columns;
        this.evidence = new ColumnEvidence[columns.length];
        Layouts layouts = Layouts.of(options.dateFormat(), options.timestampFormat());
        List<NumberReading> readings = NumberReading.candidates(options.thousands(), options.decimalComma());
        for (int i = 0; i < columns.length; i++) {
            String name = names.get(columns[i]);
            evidence[i] = new ColumnEvidence(name, options.typeOverrides().get(name), options.nulls(), layouts,
                    readings, sourceName);
        }
    }

    /** Takes in every row of {@code chunk}, leaving in it how to store it and its dictionary codes. */
    void observe(RowChunk chunk) {
        chunk.codes = new int[columns.length][];
        chunk.parsed = new long[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            ColumnEvidence column = evidence[i];
            int source = columns[i];
            int[] codes = column.distinct().overflowed() ? null : new int[chunk.size];
            long[] parsed = column.keepsParsed() ? new long[chunk.size] : null;
            Storage before = parsed == null ? null : column.storage();
            for (int r = 0; r < chunk.size; r++) {
                column.observe(chunk, r, source, codes, parsed);
            }
            chunk.codes[i] = codes;
            // A value is parsed as the column's storage before it reads it: those of a chunk in which the
            // storage changed (a promotion) may be of another kind than the chunk's, so none is kept.
            chunk.parsed[i] = parsed != null && before.equals(column.storage()) ? parsed : null;
        }
        chunk.storages = storages();
    }

    /** How each column's rows so far are to be stored (see {@link Spool}). */
    List<Storage> storages() {
        Storage[] storages = new Storage[evidence.length];
        for (int i = 0; i < evidence.length; i++) {
            storages[i] = evidence[i].storage();
        }
        return List.of(storages);
    }

    /** Each column's distinct values, growing as rows are observed. */
    List<DistinctValues> dictionaries() {
        List<DistinctValues> all = new ArrayList<>(evidence.length);
        for (ColumnEvidence e : evidence) {
            all.add(e.distinct());
        }
        return all;
    }

    List<ColumnPlan> decide() {
        List<ColumnPlan> plans = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            plans.add(evidence[i].decide(columns[i]));
        }
        return plans;
    }
}
