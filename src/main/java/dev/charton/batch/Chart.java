package dev.charton.batch;

import dev.charton.pipeline.FigureJob;

import java.nio.file.Path;

/**
 * One figure of a batch: its name in the spec, the dataset it draws, and the plot it makes (whose
 * input is the dataset's file).
 */
public record Chart(String name, int line, BatchDataset dataset, FigureJob job) {
    /** The figure's title, else the chart's name: what an index page shows above it. */
    public String title() {
        String title = job.request().spec().title();
        return title == null || title.isBlank() ? name : title;
    }

    public Path output() {
        return Path.of(job.output().displayName()).toAbsolutePath().normalize();
    }
}
