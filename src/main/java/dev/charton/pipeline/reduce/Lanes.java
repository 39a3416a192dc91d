package dev.charton.pipeline.reduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the rows of a batch into contiguous shares, one per lane, and reduces them at once on all
 * cores: lane 0 on the calling thread, the others on daemon helpers. A statistic whose partial
 * results merge exactly (M4 keeps, per pixel column, rows chosen by value and then by row number)
 * keeps one partial result per lane and merges them at the end. Each call returns when every
 * share is done, so a batch's vectors are never read after the caller moves on.
 */
final class Lanes {
    /** One lane per core: the decoding threads also want the cores, but they wait on the reduction otherwise. */
    static final int COUNT = Runtime.getRuntime().availableProcessors();
    /** Below this many rows a lane's share costs less to reduce than to hand to another thread. */
    static final int MIN_ROWS = 8192;
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, COUNT - 1), task -> {
        Thread thread = new Thread(task, "reduce-lane");
        thread.setDaemon(true);
        return thread;
    });

    private Lanes() {
    }

    /** Reduces rows {@code [from, to)} of the current batch into lane {@code lane}'s partial result. */
    @FunctionalInterface
    interface Share {
        void reduce(int lane, int from, int to) throws IOException;
    }

    /** Hands rows {@code [0, rows)} to {@code lanes} lanes (fewer for a small batch) and waits for all. */
    static void split(int rows, int lanes, Share share) throws IOException {
        int used = (int) Math.max(1, Math.min(lanes, (long) rows / MIN_ROWS));
        if (used == 1) {
            share.reduce(0, 0, rows);
            return;
        }
        List<Future<?>> helpers = new ArrayList<>(used - 1);
        for (int lane = 1; lane < used; lane++) {
            int l = lane;
            helpers.add(HELPERS.submit(() -> {
                try {
                    share.reduce(l, bound(rows, used, l), bound(rows, used, l + 1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        }
        Throwable failure = null;
        try {
            share.reduce(0, 0, bound(rows, used, 1));
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> helper : helpers) {
            failure = await(helper, failure);
        }
        rethrow(failure);
    }

    private static int bound(int rows, int lanes, int lane) {
        return (int) ((long) rows * lane / lanes);
    }

    /** Waits for a helper whatever happened before, so no share outlives the batch; keeps the first failure. */
    private static Throwable await(Future<?> helper, Throwable failure) {
        boolean interrupted = false;
        while (true) {
            try {
                helper.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause()
                        : e.getCause();
                failure = failure == null ? cause : failure;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
