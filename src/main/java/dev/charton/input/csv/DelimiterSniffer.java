package dev.charton.input.csv;

/**
 * Picks the field delimiter among {@code , ; TAB |} from the first lines of text: the candidate that
 * splits the lines into the same number of fields (more than one) most consistently, outside quotes.
 */
final class DelimiterSniffer {
    static final int SAMPLE_CHARS = 64 * 1024;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_LINES = 20;

    private DelimiterSniffer() {
    }

    /**
     * The best delimiter for {@code sample}, the first characters of the text ({@code whole}: all of
     * it, so its last line counts even without a line end); a comma when no candidate splits lines.
     */
    static char sniff(String sample, boolean whole, Character comment) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : CANDIDATES) {
            int score = score(whole ? sample + "\n" : sample, candidate, comment);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The number of leading lines that have the same field count as the first, when it is above one. */
    private static int score(String sample, char delimiter, Character comment) {
        int expected = -1;
        int consistent = 0;
        int fields = 1;
        int lines = 0;
        boolean quoted = false;
        boolean lineStart = true;
        for (int i = 0; i < sample.length() && lines < SAMPLE_LINES; i++) {
            char c = sample.charAt(i);
            if (lineStart && comment != null && c == comment) {
                int end = sample.indexOf('\n', i);
                i = end < 0 ? sample.length() : end;
                continue;
            }
            lineStart = false;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == delimiter) {
                fields++;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < sample.length() && sample.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = true;
                if (fields == 1 && expected < 0) {
                    continue; // a blank line before the first row
                }
                if (expected < 0) {
                    expected = fields;
                } else if (fields == expected) {
                    consistent++;
                } else {
                    break;
                }
                lines++;
                fields = 1;
            }
        }
        if (expected < 0) {
            expected = fields;
        }
        return expected > 1 ? 1 + consistent * expected : 0;
    }
}
