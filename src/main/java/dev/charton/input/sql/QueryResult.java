package dev.charton.input.sql;

import dev.charton.input.TableReader;

/** A table read from a query's result, whichever way it arrives as Arrow (what {@code charton schema} calls "sql"). */
public interface QueryResult extends TableReader {
}
