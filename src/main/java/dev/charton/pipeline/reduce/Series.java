package dev.charton.pipeline.reduce;

/**
 * One drawn series in one panel: which --y column (its index), and the ids of its color and facet
 * values ({@link KeyColumn#NULL} for null or when the chart has none).
 */
record Series(int column, int color, int facet) {
    // equals and hashCode written out: a record's generated ones are linked by a bootstrap method the
    // first time they run, a few milliseconds of every small command's start (docs/benchmarks.md, "Latency of a small plot").
    @Override
    public boolean equals(Object o) {
        return o instanceof Series other && column == other.column && color == other.color && facet == other.facet;
    }

    @Override
    public int hashCode() {
        return (column * 31 + color) * 31 + facet;
    }
}
