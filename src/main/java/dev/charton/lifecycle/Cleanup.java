package dev.charton.lifecycle;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Actions that must run if charton is stopped (Ctrl-C, SIGTERM) before it finishes normally:
 * killing Python process trees and deleting temporary output files. One shutdown hook runs them.
 */
public final class Cleanup {
    private static final Set<Runnable> ACTIONS = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private Cleanup() {
    }

    /** Registers an action to run at shutdown; returns a handle that unregisters it when closed. */
    public static synchronized Registration onShutdown(Runnable action) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "charton-cleanup"));
            hookInstalled = true;
        }
        ACTIONS.add(action);
        return () -> remove(action);
    }

    private static synchronized void remove(Runnable action) {
        ACTIONS.remove(action);
    }

    private static void runAll() {
        Runnable[] pending;
        synchronized (Cleanup.class) {
            pending = ACTIONS.toArray(new Runnable[0]);
            ACTIONS.clear();
        }
        for (Runnable action : pending) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // Best effort: the JVM is going down.
            }
        }
    }

    /** Undoes a registration once the guarded work has finished normally. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
