package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The records of a CSV file cut on every core: one thread reads the file in blocks and ends each
 * block at a record's end ({@link RecordBoundary}), the blocks are cut into fields in parallel
 * ({@link ByteFields}), and the records come out in file order with their lines, the same records,
 * lines and failures as {@link RecordParser} gives. Only a few blocks are read ahead, so memory
 * stays bounded.
 */
final class ParallelRecords implements RecordSource {
    /** Blocks read ahead of the one whose records are being taken: enough to keep every core cutting. */
    private static final int BLOCKS_AHEAD = Runtime.getRuntime().availableProcessors() + 1;
    private static final Set<Charset> ASCII_SUPERSETS =
            Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final Charset charset;
    private final Dialect dialect;
    private final String sourceName;
    private final FileChannel channel;
    private final ExecutorService cutters;
    private final BlockingQueue<Future<ParsedBlock>> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    /** Lines skipped before the first block, for the reader thread to hand on with it. */
    private long skipped;
    private ParsedBlock current;
    private int index;
    private long linesBefore;
    private long line;

    /**
     * Whether a file in {@code charset} with {@code dialect} can be cut from its bytes: the quote rules
     * of RFC 4180 only (no escape character, comments or loose syntax) and single-byte ASCII marks.
     */
    static boolean suits(Charset charset, Dialect dialect) {
        return ASCII_SUPERSETS.contains(charset) && dialect.escape() == null && dialect.comment() == null
                && !LooseSyntax.needed(dialect) && isMark(dialect.delimiter()) && isMark(dialect.quote());
    }

    private static boolean isMark(char c) {
        return c > 0 && c < 0x80 && c != '\n' && c != '\r';
    }

    /**
     * Reads {@code file} after its byte-order mark and {@code skipLines} physical lines, about
     * {@code blockBytes} at a time.
     */
    ParallelRecords(Path file, Charset charset, Dialect dialect, int skipLines, int blockBytes, String sourceName) {
        this.file = file;
        this.charset = charset;
        this.dialect = dialect;
        this.sourceName = sourceName;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw cannotRead(e);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.cutters = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "charton-csv-cut");
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(() -> readBlocks(skipLines, blockBytes), "charton-csv-blocks");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads the file block by block, each ending at a record's end, and hands them to the cutters in order. */
    private void readBlocks(int skipLines, int blockBytes) {
        RecordBoundary boundary = new RecordBoundary(dialect);
        byte[] buffer = new byte[blockBytes];
        int filled = 0;
        int from = -1; // where the rows start in the buffer, once known
        boolean tooLong = false;
        try {
            while (!stopped) {
                int n = fill(buffer, filled);
                boolean end = n < 0;
                filled += Math.max(n, 0);
                if (from < 0) {
                    from = dataStart(buffer, filled, skipLines, end);
                    if (from < 0) {
                        if (end) {
                            break;
                        }
                        buffer = grown(buffer, filled, filled); // skipped lines have no length limit
                        continue;
                    }
                    skipped = lineEnds(buffer, 0, from);
                }
                int cut = end ? filled : boundary.last(buffer, from, filled);
                if (cut < 0) {
                    if (filled - from < RecordParser.MAX_ROW_CHARS) {
                        buffer = grown(buffer, filled, from);
                        continue;
                    }
                    cut = filled; // one record longer than any charton reads: the cutter says so
                    tooLong = true;
                }
                byte[] block = buffer;
                int blockFrom = from;
                int blockTo = cut;
                boolean last = end;
                long ahead = skipped;
                skipped = 0;
                submit(cutters.submit(() -> {
                    ParsedBlock parsed = new ByteFields(dialect, charset).parse(block, blockFrom, blockTo, last);
                    parsed.linesAhead = ahead;
                    return parsed;
                }));
                if (end || tooLong) {
                    break;
                }
                byte[] next = new byte[Math.max(blockBytes, (filled - cut) * 2)];
                System.arraycopy(buffer, cut, next, 0, filled - cut);
                filled -= cut;
                from = 0;
                buffer = next;
            }
        } catch (IOException e) {
            submit(CompletableFuture.failedFuture(cannotRead(e)));
        } catch (RuntimeException | Error e) {
            submit(CompletableFuture.failedFuture(e));
        } finally {
            submit(CompletableFuture.completedFuture(null));
        }
    }

    /** Reads into {@code buffer} after {@code filled} until it is full or the file ends; -1 at the end. */
    private int fill(byte[] buffer, int filled) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(buffer, filled, buffer.length - filled);
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    /**
     * A bigger buffer for a record that does not end in this one, at most the longest record charton
     * reads past {@code from} (where the record starts), so that a longer one is refused.
     */
    private static byte[] grown(byte[] buffer, int filled, int from) {
        long size = Math.min(Math.max(buffer.length, filled) * 2L, from + RecordParser.MAX_ROW_CHARS);
        return Arrays.copyOf(buffer, (int) size);
    }

    /**
     * Where the rows start: after the UTF-8 byte-order mark and {@code skipLines} line ends (LF, CR or
     * CRLF, quotes or not); -1 when the buffer ends first and more may follow.
     */
    private int dataStart(byte[] bytes, int filled, int skipLines, boolean end) {
        if (filled < UTF8_BOM.length && !end) {
            return -1;
        }
        int i = filled >= UTF8_BOM.length && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3) ? 3 : 0;
        for (int skipped = 0; skipped < skipLines; i++) {
            if (i >= filled || bytes[i] == '\r' && i + 1 >= filled) {
                return end ? filled : -1;
            }
            if (bytes[i] == '\n' || bytes[i] == '\r' && bytes[i + 1] != '\n') {
                skipped++;
            }
        }
        return i;
    }

    /** The line ends (LF, CR or CRLF) in {@code bytes[from, to)}. */
    private static long lineEnds(byte[] bytes, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= to || bytes[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }

    private void submit(Future<ParsedBlock> block) {
        try {
            while (!stopped && !blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
                // The consumer is busy; wait unless it has gone away.
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String[] next() {
        while (current == null || index == current.count) {
            if (current != null) {
                if (current.stop != null) {
                    throw failure(current);
                }
                linesBefore += current.lineBreaks;
            }
            current = take();
            index = 0;
            if (current == null) {
                return null;
            }
            linesBefore += current.linesAhead;
        }
        String[] record = current.records[index];
        current.records[index] = null;
        line = linesBefore + current.endLines[index];
        index++;
        return record;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public boolean cutAhead() {
        return true;
    }

    /** The next block in file order, or null at the end (then again on every call). */
    private ParsedBlock take() {
        if (stopped) {
            return null;
        }
        try {
            ParsedBlock block = blocks.take().get();
            if (block == null) {
                stopped = true;
            }
            return block;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading CSV records", e);
        } catch (ExecutionException e) {
            stopped = true;
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ChartonException failure(ParsedBlock block) {
        long at = linesBefore + block.stopLine;
        switch (block.stop) {
            case UNCLOSED_QUOTE: return ReadFailure.unclosedQuote(sourceName, at, null);
            case TEXT_AFTER_QUOTE: return ReadFailure.textAfterQuote(sourceName, at, null);
            case ROW_TOO_LONG: return ReadFailure.rowTooLong(sourceName, at, null);
            default: return ReadFailure.malformed(file, charset, sourceName, block.cause);
        }
    }

    private ChartonException cannotRead(IOException e) {
        return new ChartonException(ExitCode.IO, sourceName + ": cannot read: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        stopped = true;
        blocks.clear();
        cutters.shutdownNow();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only read from: nothing to lose.
        }
    }
}
