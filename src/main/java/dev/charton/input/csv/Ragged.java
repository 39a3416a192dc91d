package dev.charton.input.csv;

import java.util.Locale;

/** What to do with a row whose field count differs from the header's ({@code --ragged}). */
public enum Ragged {
    /** Stop with an error naming the file and line (the default: nothing is silently changed). */
    ERROR,
    /** Fill a short row's missing trailing fields with nulls; a row with extra fields is still an error. */
    PAD,
    /** Leave out every row whose field count differs. */
    SKIP;

    public static Ragged fromName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown policy '" + name + "' (expected error, pad or skip)");
        }
    }
}
