package dev.charton.pipeline.reduce;

/**
 * One drawn series in one panel: which --y column (its index), and the ids of its color and facet
 * values ({@link KeyColumn#NULL} for null or when the chart has none).
 */
record Series(int column, int color, int facet) {
}
