package dev.charton.input.csv;

import java.util.List;
import java.util.Set;

/** The cell texts that mean "no value". {@code NaN} is a null only in float columns. */
public final class NullTokens {
    public static final List<String> DEFAULTS = List.of("", "NA", "N/A", "null", "NULL");

    private final String[] tokens;
    private final boolean nanIsNull;
    /** Bit n is set when some token has n characters: most cells are rejected at once. */
    private final long lengths;

    private NullTokens(Set<String> tokens, boolean nanIsNull) {
        this.tokens = tokens.toArray(new String[0]);
        this.nanIsNull = nanIsNull;
        long bits = 0;
        for (String t : tokens) {
            bits |= t.length() < 64 ? 1L << t.length() : 1L << 63;
        }
        this.lengths = bits;
    }

    public static NullTokens defaults() {
        return new NullTokens(Set.copyOf(DEFAULTS), true);
    }

    /** The user's own list replaces the defaults entirely, NaN included; an empty list means no nulls. */
    public static NullTokens of(List<String> tokens) {
        return new NullTokens(Set.copyOf(tokens), false);
    }

    public boolean isNull(String text) {
        if (text == null) {
            return true;
        }
        int n = text.length();
        long bit = n < 64 ? 1L << n : 1L << 63;
        if ((lengths & bit) == 0) {
            return false;
        }
        for (String token : tokens) {
            if (token.equals(text)) {
                return true;
            }
        }
        return false;
    }

    public boolean isFloatNaN(String text) {
        return nanIsNull && text.length() == 3 && "NaN".equals(text);
    }
}
