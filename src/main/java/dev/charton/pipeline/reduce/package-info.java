/**
 * The statistics that reduce a chart's rows to what its picture needs, computed in Java from Arrow
 * batches (docs/plan.md, "On the wire"): {@link dev.charton.pipeline.reduce.Reductions#of} picks one
 * for a {@link dev.charton.pipeline.reduce.ReduceRequest}; it scans a
 * {@link dev.charton.pipeline.reduce.BatchSource} once or twice and returns a
 * {@link dev.charton.pipeline.reduce.ReducedTable}: the long-form table Python draws and its
 * {@code reduced} description. grammar.py stays the reference for what each statistic means; the
 * exact numeric primitives (quantiles, bin edges, spills) are in {@code dev.charton.pipeline.stats}.
 * Memory is bounded by pixels, series and groups, never by rows.
 */
package dev.charton.pipeline.reduce;
