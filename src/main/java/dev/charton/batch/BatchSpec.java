package dev.charton.batch;

import java.nio.file.Path;
import java.util.List;

/** A checked batch spec: its datasets and charts, in file order. */
public record BatchSpec(Path file, String title, List<BatchDataset> datasets, List<Chart> charts) {
    public BatchSpec {
        datasets = List.copyOf(datasets);
        charts = List.copyOf(charts);
    }
}
