package dev.charton.input.sql;

import java.util.Locale;

/**
 * The SQL an engine speaks, told by its JDBC URL: what charton writes around a user's query, and how
 * the engine's driver streams a result.
 */
public enum SqlDialect {
    DUCKDB("jdbc:duckdb:"),
    POSTGRESQL("jdbc:postgresql:"),
    TRINO("jdbc:trino:"),
    /** Any other engine: standard SQL only. */
    ANSI(null);

    private final String urlPrefix;

    SqlDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public static SqlDialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (dialect.urlPrefix != null && url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        return ANSI;
    }

    /** A column name as a quoted identifier, which every dialect here writes the standard way. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Whether the driver holds a whole result in memory unless autocommit is off: PostgreSQL's honours
     * the fetch size only inside a transaction.
     */
    boolean streamsOnlyInTransaction() {
        return this == POSTGRESQL;
    }
}
