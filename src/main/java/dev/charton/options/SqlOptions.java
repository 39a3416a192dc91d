package dev.charton.options;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.sql.DatabaseUrl;
import dev.charton.input.sql.SqlQuery;
import dev.charton.lifecycle.Deadline;
import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import dev.charton.table.TypedQuery;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** A table that is a SQL query's result instead of a file; shared by every command that reads one. */
public final class SqlOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sql", paramLabel = "QUERY",
            description = "Read the result of this SQL query instead of a file: on an embedded DuckDB (files, globs and"
                    + " joins: FROM 'trips/*.parquet'; paths relative to the working directory), or on --db.")
    String sql;

    @Option(names = "--db", paramLabel = "URL",
            description = "The JDBC URL of the engine that runs --sql: jdbc:postgresql://..., jdbc:trino://...,"
                    + " jdbc:duckdb:/path/file.db, or another with --driver-path. The password comes from"
                    + " CHARTON_DB_PASSWORD or the driver's own sources (~/.pgpass, PGPASSWORD).")
    String db;

    @Option(names = "--driver-path", paramLabel = "JAR",
            description = "A JDBC driver jar for a --db URL charton has no driver for.")
    Path driverPath;

    /** Whether the table is a query's result. */
    public boolean isQuery() {
        return sql != null;
    }

    /**
     * The table to read: the query's result, or else the file {@code input}; exactly one of them.
     * A password written in the URL is accepted with a warning on {@code err}.
     */
    public TableSource table(String input, ReadOptions read, Deadline deadline, PrintStream err) {
        return table(input, read, deadline, err, null);
    }

    /** The same, where the embedded DuckDB finds relative paths in {@code baseDirectory} (null: the working directory). */
    public TableSource table(String input, ReadOptions read, Deadline deadline, PrintStream err, Path baseDirectory) {
        if (sql == null) {
            if (db != null || driverPath != null) {
                throw usage((db != null ? "--db" : "--driver-path") + " needs --sql QUERY");
            }
            if (input == null) {
                throw usage("give a data file (or - for standard input), or --sql QUERY");
            }
            return new InputTable(InputSource.of(input), read);
        }
        if (input != null) {
            throw usage("give either a data file or --sql, not both ('" + input + "' and --sql)");
        }
        if (sql.isBlank()) {
            throw usage("--sql: the query is empty");
        }
        DatabaseUrl url = db == null ? DatabaseUrl.EMBEDDED : new DatabaseUrl(db);
        if (db != null && !db.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw usage("--db " + url.masked() + ": not a JDBC URL (jdbc:postgresql://host/database, jdbc:trino://...,"
                    + " jdbc:duckdb:/path/file.db)");
        }
        if (url.carriesPassword()) {
            err.println("charton: warning: --db carries a password, which other users can see in the process list;"
                    + " set CHARTON_DB_PASSWORD or use the driver's own sources (~/.pgpass) instead");
        }
        return TypedQuery.of(new SqlQuery(sql, url, driverPath, baseDirectory, deadline), read);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
