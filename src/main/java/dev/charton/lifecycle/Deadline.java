package dev.charton.lifecycle;

import java.time.Duration;

/**
 * One time budget for a whole command ({@code --timeout}): whatever runs first (a query) and
 * whatever runs last (the render) spend the same budget.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(null, 0);

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget, long endNanos) {
        this.budget = budget;
        this.endNanos = endNanos;
    }

    /** A budget of {@code budget} from now; null: no limit. */
    public static Deadline after(Duration budget) {
        return budget == null ? NONE : new Deadline(budget, System.nanoTime() + budget.toNanos());
    }

    /** The whole budget as given, null for none. */
    public Duration budget() {
        return budget;
    }

    /** What is left of the budget (zero once spent), null for none. */
    public Duration remaining() {
        if (budget == null) {
            return null;
        }
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
