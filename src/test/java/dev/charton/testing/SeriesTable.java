package dev.charton.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * A large table for tests of the reductions: a minute-by-minute random walk ({@code value}) in five
 * categories ({@code cat}) and three groups ({@code group}), a second walk ({@code other}) and an
 * integer ({@code n}), the same for the same number of rows.
 */
public final class SeriesTable {
    private static final String[] CATEGORIES = {"alpha", "beta", "gamma", "delta", "epsilon"};
    private static final String[] GROUPS = {"north", "south", "west"};

    private SeriesTable() {
    }

    /** Writes {@code rows} rows as CSV, with the header {@code t,value,other,cat,group,n}. */
    public static Path write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        double value = 0;
        double other = 50;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("t,value,other,cat,group,n\n");
            for (int i = 0; i < rows; i++) {
                value += random.nextGaussian();
                other += random.nextGaussian() * 0.5;
                out.write(start.plusMinutes(i) + "," + value + "," + other + "," + CATEGORIES[random.nextInt(5)] + ","
                        + GROUPS[random.nextInt(3)] + "," + random.nextInt(1000) + "\n");
            }
        }
        return file;
    }
}
