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
     * Whether the rows of a query come in an order the engine keeps (DuckDB, PostgreSQL, and any
     * other engine is taken to), so that {@code ROW_NUMBER() OVER ()} numbers them as they arrive.
     * Trino's do not: a distributed table has no row order, and Trino drops an ORDER BY inside a
     * subquery, so groups there come in the sorted order of their keys instead.
     */
    public boolean keepsRowOrder() {
        return this != TRINO;
    }

    /**
     * Whether charton computes exact quantiles in the engine: with its own function
     * ({@link #exactQuantile}) or by ranking values in a window, a sort per group (Trino, whose
     * {@code approx_percentile} is approximate). Not in ANSI SQL: an unknown engine is not asked to sort.
     */
    public boolean exactQuantiles() {
        return this != ANSI;
    }

    /**
     * The {@code fraction} quantile of a double expression by the engine's own function, interpolated
     * linearly between ranks (numpy's default), exact; empty where the dialect has none (Trino has
     * only approx_percentile, ANSI none).
     */
    public Optional<String> exactQuantile(String doubleExpression, double fraction) {
        return switch (this) {
            case DUCKDB -> Optional.of("quantile_cont(" + doubleExpression + ", " + fraction + ")");
            case POSTGRESQL -> Optional.of("percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY "
                    + doubleExpression + ")");
            case TRINO, ANSI -> Optional.empty();
        };
    }

    /** Days since 1970-01-01 of a date expression, as a double; empty where the dialect cannot say it (ANSI). */
    public Optional<String> epochDays(String dateExpression) {
        return switch (this) {
            case DUCKDB, POSTGRESQL -> Optional.of(asDouble("(" + dateExpression + " - DATE '1970-01-01')"));
            case TRINO -> Optional.of(asDouble("date_diff('day', DATE '1970-01-01', " + dateExpression + ")"));
            case ANSI -> Optional.empty();
        };
    }

    /**
     * A timestamp expression as a double in a unit of its dialect's (only positions between the least
     * and greatest matter); {@code zoned} whether it carries a time zone. Empty in ANSI SQL.
     */
    public Optional<String> epochTime(String timestampExpression, boolean zoned) {
        return switch (this) {
            case DUCKDB -> Optional.of(asDouble("epoch_us(" + timestampExpression + ")"));
            case POSTGRESQL -> Optional.of(asDouble("EXTRACT(EPOCH FROM " + timestampExpression + ")"));
            // A timestamp without zone would be placed in the session's zone (the JVM's), whose
            // daylight-saving jumps would move rows between pixel columns: read it as UTC.
            case TRINO -> Optional.of("to_unixtime(" + (zoned ? timestampExpression
                    : "with_timezone(" + timestampExpression + ", 'UTC')") + ")");
            case ANSI -> Optional.empty();
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
