package dev.charton.input.csv;

/**
 * Finds where records end in a run of bytes that starts where a record starts, with the quoting
 * rules of {@link ByteFields}, without cutting fields: one quick pass that only follows quotes.
 */
final class RecordBoundary {
    private final byte delimiter;
    private final byte quote;

    RecordBoundary(Dialect dialect) {
        this.delimiter = (byte) dialect.delimiter();
        this.quote = (byte) dialect.quote();
    }

    /**
     * The position just after the last line end outside quotes in {@code bytes[from, to)}, or -1.
     * A CR or quote in the last byte could belong with the byte after it, so it ends the search.
     */
    int last(byte[] bytes, int from, int to) {
        int last = -1;
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == quote && (i == from || opensField(bytes[i - 1]))) {
                i++;
                while (true) {
                    if (i + 1 >= to) {
                        return last;
                    }
                    if (bytes[i] == quote) {
                        if (bytes[i + 1] != quote) {
                            i++;
                            break;
                        }
                        i++;
                    }
                    i++;
                }
                continue;
            }
            if (b == '\n') {
                last = i + 1;
            } else if (b == '\r') {
                if (i + 1 >= to) {
                    return last;
                }
                if (bytes[i + 1] != '\n') {
                    last = i + 1;
                }
            }
            i++;
        }
        return last;
    }

    private boolean opensField(byte before) {
        return before == delimiter || before == '\n' || before == '\r';
    }
}
