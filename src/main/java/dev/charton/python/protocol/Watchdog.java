package dev.charton.python.protocol;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs an action once a duration has passed, unless cancelled first; remembers whether it fired. */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "charton-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> future;

    private Watchdog(Duration after, Runnable action) {
        this.future = TIMER.schedule(() -> {
            fired.set(true);
            action.run();
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Watchdog start(Duration after, Runnable action) {
        return new Watchdog(after, action);
    }

    boolean fired() {
        return fired.get();
    }

    void cancel() {
        future.cancel(false);
    }
}
