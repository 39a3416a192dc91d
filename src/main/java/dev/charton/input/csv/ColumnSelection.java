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
                throw new ChartonException(ExitCode.USAGE, "--type " + typed + "=...: "
                        + dev.charton.input.ColumnSelection.noSuchColumn(names, typed, sourceName));
            }
        }
        return dev.charton.input.ColumnSelection.resolve(names, wanted, sourceName).stream().mapToInt(i -> i).toArray();
    }
}
