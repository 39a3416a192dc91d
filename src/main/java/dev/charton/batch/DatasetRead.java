package dev.charton.batch;

import dev.charton.input.sql.SqlQuery;
import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import dev.charton.table.TypedQuery;

import java.nio.file.Path;
import java.util.Optional;

/** A dataset's table, as its spec entry says: a file and how to read it, or a SQL query. */
public record DatasetRead(TableSource table) {
    /** The file, when the dataset is a regular file (its contents say whether it changed). */
    public Optional<Path> file() {
        return table instanceof InputTable input ? input.input().path() : Optional.empty();
    }

    /** The query, when the dataset is one (its result, before --type reads it, says whether it changed). */
    public Optional<SqlQuery> query() {
        TableSource source = table instanceof TypedQuery typed ? typed.query() : table;
        return source instanceof SqlQuery query ? Optional.of(query) : Optional.empty();
    }

    /** What a chart's options name as their data: the file as given, or - (standard input) for a query. */
    public String argument() {
        return table instanceof InputTable input ? input.input().argument() : "-";
    }
}
