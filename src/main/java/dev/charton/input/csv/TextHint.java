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
    /** From this share of values reading as numbers or times on, drawing the column as text is refused. */
    private static final double REFUSED_SHARE = 0.9;
    private static final double HINTED_SHARE = 0.5;

    private int looked;
    private int numbers;
    private int times;
    private String number;
    private String time;
    private String other;

    void observe(String text) {
        if (looked == SAMPLE) {
            return;
        }
        looked++;
        switch (HeaderSniffer.kind(text)) {
            case NUMBER:
                numbers++;
                number = number == null ? text : number;
                break;
            case TEMPORAL:
                times++;
                time = time == null ? text : time;
                break;
            default:
                other = other == null ? text : other;
        }
    }

    /**
     * The value that made the column text, wherever it is: a word past the sample is still the cell
     * that spoils numbers or times ({@code --null-value}), not a sign that they are written in two ways.
     */
    void madeText(String text) {
        HeaderSniffer.Kind kind = HeaderSniffer.kind(text);
        if (other == null && kind != HeaderSniffer.Kind.NUMBER && kind != HeaderSniffer.Kind.TEMPORAL) {
            other = text;
        }
    }

    /** The hint for a text column, starting with "; ", or empty when it does not mostly look like anything. */
    String describe() {
        String mostly = mostly(HINTED_SHARE, false);
        return mostly == null ? "" : "; " + mostly;
    }

    /**
     * Why a chart should not draw the column as text (at least 90% of its values read as numbers or
     * times, one of them quoted), or null when it may.
     */
    String refusal() {
        return mostly(REFUSED_SHARE, true);
    }

    private String mostly(double atLeast, boolean quoted) {
        if (numbers > 0 && numbers >= atLeast * looked) {
            return share(numbers) + " look like numbers" + example(quoted, number)
                    + remedy("--thousands CHAR or --decimal-comma say how they are written");
        }
        if (times > 0 && times >= atLeast * looked) {
            return share(times) + " look like dates or times" + example(quoted, time)
                    + remedy("--date-format or --timestamp-format PATTERN read another layout");
        }
        return null;
    }

    private static String example(boolean quoted, String value) {
        return quoted ? " ('" + ColumnEvidence.abbreviate(value) + "')" : "";
    }

    private String share(int count) {
        String all = (looked == SAMPLE ? "the first " : "") + looked + " values";
        return count == looked ? (looked == SAMPLE ? "all of " : "all ") + all : count + " of " + all;
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
