package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.List;
import java.util.Map;

/** Checks the column names the user gave ({@code --columns}, {@code --type}) against the file's. */
final class ColumnSelection {
    private ColumnSelection() {
    }

    /** The positions of {@code wanted} (all columns when null), in the order given. */
    static int[] resolve(List<String> names, List<String> wanted, Map<String, CsvType> types, String sourceName) {
        for (String typed : types.keySet()) {
            if (!names.contains(typed)) {
                throw new ChartonException(ExitCode.USAGE, "--type " + typed + "=...: " + noSuchColumn(names, typed,
                        sourceName));
            }
        }
        if (wanted == null) {
            int[] all = new int[names.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] positions = new int[wanted.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(wanted.get(i));
            if (positions[i] < 0) {
                throw new ChartonException(ExitCode.DATA, noSuchColumn(names, wanted.get(i), sourceName));
            }
        }
        return positions;
    }

    private static String noSuchColumn(List<String> names, String name, String sourceName) {
        String listed = names.size() <= 20 ? String.join(", ", names) : String.join(", ", names.subList(0, 20)) + ", ...";
        return sourceName + " has no column '" + name + "' (columns: " + listed + ")";
    }
}
