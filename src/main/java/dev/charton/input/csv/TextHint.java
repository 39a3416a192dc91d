package dev.charton.input.csv;

/**
 * What a column that ends up text mostly looks like, so that {@code charton schema} can name the
 * option that reads it: numbers spoiled by a few words ({@code --null-value}), numbers written in two
 * ways ({@code --thousands}, {@code --decimal-comma}), or dates and times in a layout not tried
 * ({@code --date-format}, {@code --timestamp-format}). Looks at the first values only, so a text
 * column costs no more than a sample.
 */
final class TextHint {
    static final int SAMPLE = 10_000;

    private int looked;
    private int numbers;
    private int times;
    private String other;

    void observe(String text) {
        if (looked == SAMPLE) {
            return;
        }
        looked++;
        switch (HeaderSniffer.kind(text)) {
            case NUMBER: numbers++; break;
            case TEMPORAL: times++; break;
            default:
                if (other == null) {
                    other = text;
                }
        }
    }

    /** The hint for a text column, starting with "; ", or empty when it does not mostly look like anything. */
    String describe() {
        if (2 * numbers >= looked && numbers > 0) {
            return "; " + share(numbers) + " look like numbers" + remedy("--thousands CHAR or --decimal-comma say how they"
                    + " are written");
        }
        if (2 * times >= looked && times > 0) {
            return "; " + share(times) + " look like dates or times" + remedy("--date-format or --timestamp-format"
                    + " PATTERN read another layout");
        }
        return "";
    }

    private String share(int count) {
        return count == looked ? "all " + looked + " values" : count + " of " + (looked == SAMPLE ? "the first " : "")
                + looked + " values";
    }

    private String remedy(String layouts) {
        if (other == null) {
            return ", but not all in one way: " + layouts;
        }
        String example = ColumnEvidence.abbreviate(other);
        return " (not '" + example + "'; --null-value '" + example + "' reads such cells as nulls, in place of the"
                + " default tokens)";
    }
}
