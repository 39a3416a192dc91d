package dev.charton.input.sql;

import java.util.Locale;
import java.util.Optional;

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

    /** The type of a double, as the dialect names it. */
    public String doubleType() {
        return this == POSTGRESQL || this == ANSI ? "DOUBLE PRECISION" : "DOUBLE";
    }

    /** {@code expression} as a double. */
    public String asDouble(String expression) {
        return "CAST(" + expression + " AS " + doubleType() + ")";
    }

    /** A double literal that every dialect reads back to the same double (Java's shortest round-trip digits). */
    public String literal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("no SQL literal for " + value);
        }
        return asDouble(Double.toString(value));
    }

    /**
     * Whether a double expression is a number (not null, not NaN), as charton reads one. Standard SQL
     * has no NaN: the ANSI test is IEEE's (NaN is not equal to itself), which an engine ordering NaN
     * equal to itself would count as a number.
     */
    public String isNumber(String doubleExpression) {
        return switch (this) {
            case DUCKDB -> "NOT isnan(" + doubleExpression + ")";
            case POSTGRESQL -> doubleExpression + " <> CAST('NaN' AS DOUBLE PRECISION)";
            case TRINO -> "NOT is_nan(" + doubleExpression + ")";
            case ANSI -> doubleExpression + " = " + doubleExpression;
        };
    }

    /** Whether a double expression is finite: {@code v - v} is 0 for finite v, NaN for NaN and infinities. */
    public String isFinite(String doubleExpression) {
        return "(" + doubleExpression + " - " + doubleExpression + ") = 0";
    }

    /**
     * The sum of doubles, compensated where the engine offers it (DuckDB's {@code fsum}), so it
     * agrees with Java's compensated sum to the last bits more often than a plain running sum.
     */
    public String sumOfDoubles(String doubleExpression) {
        return this == DUCKDB ? "fsum(" + doubleExpression + ")" : asDouble("sum(" + doubleExpression + ")");
    }

    /**
     * The {@code fraction} quantile of a double expression, interpolated linearly between ranks (numpy's
     * default), exact; empty where the dialect has none (Trino has only approx_percentile, ANSI none).
     */
    public Optional<String> exactQuantile(String doubleExpression, double fraction) {
        return switch (this) {
            case DUCKDB -> Optional.of("quantile_cont(" + doubleExpression + ", " + fraction + ")");
            case POSTGRESQL -> Optional.of("percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY "
                    + doubleExpression + ")");
            case TRINO, ANSI -> Optional.empty();
        };
    }

    /**
     * Whether the driver holds a whole result in memory unless autocommit is off: PostgreSQL's honours
     * the fetch size only inside a transaction.
     */
    boolean streamsOnlyInTransaction() {
        return this == POSTGRESQL;
    }
}
