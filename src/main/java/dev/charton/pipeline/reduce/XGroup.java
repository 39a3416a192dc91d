package dev.charton.pipeline.reduce;

/** A group of rows sharing an x key (a {@link KeyColumn} id) and a series. */
record XGroup(int x, Series series) {
}
