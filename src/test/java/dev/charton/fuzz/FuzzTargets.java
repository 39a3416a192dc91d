package dev.charton.fuzz;

/** What every fuzz target shares. */
public final class FuzzTargets {
    /**
     * No limit of the annotation's own: the build gives libFuzzer -max_total_time from the Maven
     * property charton.fuzz.seconds (pom.xml), the one place the fuzzing time is set.
     */
    public static final String DURATION = "";

    private FuzzTargets() {
    }
}
