package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.function.Supplier;

/**
 * The rows of the file read a second time, in step with the spool, for the columns whose stored
 * values cannot give back their text (see {@link ColumnCast#TEXT}). Started only when first needed.
 */
final class TextReplay implements AutoCloseable {
    private final Supplier<CsvRows> opener;
    private final String sourceName;
    private ReadAhead ahead;
    private RowChunk chunk;
    private int cursor;
    private long next;

    TextReplay(Supplier<CsvRows> opener, String sourceName) {
        this.opener = opener;
        this.sourceName = sourceName;
    }

    /** Rows {@code first} to {@code first + count - 1} (0-based, data rows only); never earlier ones. */
    RowChunk rows(long first, int count) {
        if (ahead == null) {
            ahead = new ReadAhead(opener.get(), "replay");
        }
        RowChunk out = new RowChunk(count);
        while (out.size < count) {
            if (chunk == null || cursor == chunk.size) {
                chunk = ahead.next();
                cursor = 0;
                if (chunk == null) {
                    throw new ChartonException(ExitCode.DATA, sourceName + ": the file changed while it was read");
                }
            }
            if (next < first) {
                int skip = (int) Math.min(first - next, chunk.size - cursor);
                cursor += skip;
                next += skip;
                continue;
            }
            out.add(chunk.rows[cursor], chunk.endLines[cursor]);
            cursor++;
            next++;
        }
        return out;
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
        }
    }
}
