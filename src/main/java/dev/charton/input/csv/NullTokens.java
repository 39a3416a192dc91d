package dev.charton.input.csv;

import java.util.List;
import java.util.Set;

/** The cell texts that mean "no value". {@code NaN} is a null only in float columns. */
public final class NullTokens {
    public static final List<String> DEFAULTS = List.of("", "NA", "N/A", "null", "NULL");

    private final Set<String> tokens;
    private final boolean nanIsNull;

    private NullTokens(Set<String> tokens, boolean nanIsNull) {
        this.tokens = tokens;
        this.nanIsNull = nanIsNull;
    }

    public static NullTokens defaults() {
        return new NullTokens(Set.copyOf(DEFAULTS), true);
    }

    /** The user's own list replaces the defaults entirely, NaN included. */
    public static NullTokens of(List<String> tokens) {
        return new NullTokens(Set.copyOf(tokens), false);
    }

    public boolean isNull(String text) {
        return text == null || tokens.contains(text);
    }

    public boolean isFloatNaN(String text) {
        return nanIsNull && "NaN".equals(text);
    }
}
