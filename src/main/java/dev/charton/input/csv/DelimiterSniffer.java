package dev.charton.input.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Picks the field delimiter among {@code , ; TAB |} from the first lines: the candidate that splits
 * the lines into the same number of fields (more than one) most consistently, outside quotes.
 */
final class DelimiterSniffer {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 20;

    private DelimiterSniffer() {
    }

    static char sniff(BufferedInputStream in, Charset charset) {
        String sample;
        try {
            in.mark(SAMPLE_BYTES);
            sample = new String(in.readNBytes(SAMPLE_BYTES), charset);
            in.reset();
        } catch (IOException e) {
            return ',';
        }
        char best = ',';
        int bestScore = 0;
        for (char candidate : CANDIDATES) {
            int score = score(sample, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The number of leading lines that have the same field count as the first, when it is above one. */
    private static int score(String sample, char delimiter) {
        int expected = -1;
        int consistent = 0;
        int fields = 1;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < sample.length() && lines < SAMPLE_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == delimiter) {
                fields++;
            } else if (!quoted && c == '\n') {
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
