package dev.charton.fuzz;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** The CPU time one read of a fuzz input takes in its thread, and whether it loaded classes on the way. */
public final class ReadClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private final long startCpuNanos;
    private final long startLoadedClasses;

    private ReadClock(long startCpuNanos, long startLoadedClasses) {
        this.startCpuNanos = startCpuNanos;
        this.startLoadedClasses = startLoadedClasses;
    }

    /** Starts timing the current thread. */
    public static ReadClock start() {
        return new ReadClock(THREADS.getCurrentThreadCpuTime(), CLASSES.getTotalLoadedClassCount());
    }

    Duration cpuTime() {
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - startCpuNanos);
    }

    boolean loadedClasses() {
        return CLASSES.getTotalLoadedClassCount() != startLoadedClasses;
    }
}
