package dev.charton.input.csv;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One stage of the reading pipeline on a thread of its own: it takes chunks of rows from its
 * source (parsing them, or classifying the chunks of an earlier stage) while the caller works on the
 * previous ones, so the stages share the cores. The queue is short, so only a few chunks of rows
 * exist at a time.
 */
final class ReadAhead implements ChunkSource {
    static final int CHUNK_ROWS = 1024;
    private static final int QUEUE_CHUNKS = 4;
    private static final Object END = new Object();

    private final ChunkSource rows;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Thread thread;
    private volatile boolean stopped;
    private boolean finished;

    ReadAhead(ChunkSource rows, String name) {
        this.rows = rows;
        this.thread = new Thread(this::produce, "charton-csv-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        Object last = END;
        try {
            RowChunk chunk;
            while (!stopped && (chunk = rows.next()) != null) {
                put(chunk);
            }
        } catch (RuntimeException | Error e) {
            last = e;
        } finally {
            rows.close();
            put(last);
        }
    }

    private void put(Object item) {
        try {
            while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The consumer is busy; wait unless it has gone away.
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    /** The next chunk, or null at the end; a failure of the parsing thread is rethrown here. */
    @Override
    public RowChunk next() {
        if (finished) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading CSV rows", e);
        }
        if (item instanceof RowChunk chunk) {
            return chunk;
        }
        finished = true;
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return null;
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
