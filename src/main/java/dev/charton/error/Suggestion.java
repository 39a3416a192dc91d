package dev.charton.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name a misspelt one most likely meant. */
public final class Suggestion {
    private static final int MAX_EDITS = 2;

    private Suggestion() {
    }

    public static Optional<String> closest(String given, Collection<String> known) {
        String g = given.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(k -> distance(g, k.toLowerCase(Locale.ROOT)) <= Math.min(MAX_EDITS, g.length() / 2)
                        || k.replace("-", "").equalsIgnoreCase(g.replace("_", "").replace("-", "")))
                .min(Comparator.comparingInt(k -> distance(g, k.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
