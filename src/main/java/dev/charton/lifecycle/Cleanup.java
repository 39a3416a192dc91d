package dev.charton.lifecycle;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Actions that must run if charton is stopped (Ctrl-C, SIGTERM) before it finishes normally:
 * killing Python process trees and deleting temporary output files. One shutdown hook runs them.
 */
public final class Cleanup {
    private static final Set<Runnable> ACTIONS = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;

    private Cleanup() {
    }

    /**
     * Registers an action to run at shutdown; returns a handle that unregisters it when closed.
     * Once shutdown has begun (other threads still run while the hook does), the action runs at
     * once and the caller is stopped with "interrupted": a temporary file or a Python started in
     * that window is neither left behind nor used.
     */
    public static Registration onShutdown(Runnable action) {
        if (register(action)) {
            return () -> remove(action);
        }
        runQuietly(action);
        throw new ChartonException(ExitCode.INTERRUPTED, "interrupted");
    }

    private static synchronized boolean register(Runnable action) {
        if (shuttingDown) {
            return false;
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "charton-cleanup"));
            hookInstalled = true;
        }
        ACTIONS.add(action);
        return true;
    }

    private static synchronized void remove(Runnable action) {
        ACTIONS.remove(action);
    }

    private static void runAll() {
        Runnable[] pending;
        synchronized (Cleanup.class) {
            shuttingDown = true;
            pending = ACTIONS.toArray(new Runnable[0]);
            ACTIONS.clear();
        }
        for (Runnable action : pending) {
            runQuietly(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // Best effort: the JVM is going down.
        }
    }

    /** Undoes a registration once the guarded work has finished normally. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
