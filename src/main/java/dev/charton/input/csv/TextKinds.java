package dev.charton.input.csv;

/**
 * Whether one text value reads as a number or as a date or time, by the readings the CSV reader
 * tries on its own (thousands separators and decimal commas included): for text that came from
 * elsewhere (Parquet, Arrow, a query), which the CSV reader never saw.
 */
public final class TextKinds {
    private TextKinds() {
    }

    public static boolean readsAsNumber(String text) {
        return HeaderSniffer.kind(TextValues.trim(text)) == HeaderSniffer.Kind.NUMBER;
    }

    public static boolean readsAsTime(String text) {
        return HeaderSniffer.kind(TextValues.trim(text)) == HeaderSniffer.Kind.TEMPORAL;
    }

    /** {@code text} as the CSV reader quotes a value in its messages (long values cut short). */
    public static String abbreviated(String text) {
        return ColumnEvidence.abbreviate(text);
    }
}
