package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.error.Suggestion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resolves {@code --columns} names against a table's columns; every reader's projection uses it. */
public final class ColumnSelection {
    private ColumnSelection() {
    }

    /**
     * Positions in {@code available} of the requested columns, in the requested order, or every
     * position when {@code requested} is null. A struct field's path ({@code s.a}, {@link StructPaths})
     * selects its struct column. Unknown or repeated names are an error that lists the available columns.
     */
    public static List<Integer> resolve(List<String> available, List<String> requested, String sourceName) {
        List<Integer> positions = new ArrayList<>();
        if (requested == null) {
            for (int i = 0; i < available.size(); i++) {
                positions.add(i);
            }
            return positions;
        }
        Set<String> seen = new HashSet<>();
        for (String name : requested) {
            int position = available.indexOf(StructPaths.root(name, available));
            if (position < 0) {
                throw new UnknownColumnException(name, noSuchColumn(available, name, sourceName));
            }
            if (!seen.add(name)) {
                throw new ChartonException(ExitCode.USAGE, "--columns: '" + name + "' is listed twice");
            }
            if (!positions.contains(position)) {
                positions.add(position);
            }
        }
        return positions;
    }

    /** The one wording, for every format, of a column name the table does not have. */
    public static String noSuchColumn(List<String> available, String name, String sourceName) {
        String hint = Suggestion.closest(name, available).map(c -> "; did you mean '" + c + "'?").orElse("");
        return sourceName + ": no column named '" + name + "'" + hint + " (available: " + String.join(", ", available) + ")";
    }
}
