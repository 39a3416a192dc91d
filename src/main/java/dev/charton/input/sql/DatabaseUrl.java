package dev.charton.input.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL as given with {@code --db}, or the embedded DuckDB that {@code --sql} alone runs on.
 * Everything charton shows of it (messages, timings, fingerprints, index pages) is {@link #masked()}.
 */
public record DatabaseUrl(String url) {
    /** An in-memory DuckDB inside charton: SQL over files. */
    public static final DatabaseUrl EMBEDDED = new DatabaseUrl("jdbc:duckdb:");

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;:]\\s*(?:password|passwd|pwd)\\s*=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*:)([^/@]*)(@)");
    private static final String MASK = "***";

    public SqlDialect dialect() {
        return SqlDialect.of(url);
    }

    public boolean isEmbedded() {
        return this.equals(EMBEDDED);
    }

    /** Whether a password is written in the URL itself (and so in the process list). */
    public boolean carriesPassword() {
        return !masked().equals(url);
    }

    /** The URL with any password in it replaced by {@value #MASK}. */
    public String masked() {
        return maskIn(url);
    }

    /** {@code text} (an engine's message, say) with this URL's password, if any, replaced. */
    public String maskIn(String text) {
        String masked = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        String password = password();
        // A very short password would mask half of every message; the patterns above catch it in the URL.
        return password.length() < 3 ? masked : masked.replace(password, MASK);
    }

    /** How messages name the engine: the masked URL without {@code jdbc:}, or "DuckDB" for the embedded one. */
    public String displayName() {
        if (isEmbedded()) {
            return "DuckDB";
        }
        String masked = masked();
        return masked.regionMatches(true, 0, "jdbc:", 0, 5) ? masked.substring(5) : masked;
    }

    private String password() {
        Matcher parameter = PASSWORD_PARAMETER.matcher(url);
        if (parameter.find()) {
            return parameter.group(2);
        }
        Matcher userInfo = USER_INFO.matcher(url);
        return userInfo.find() ? userInfo.group(2) : "";
    }

    @Override
    public String toString() {
        return masked();
    }
}
