package dev.charton.pipeline.pushdown;

/**
 * What an engine counted of the user's rows for the warnings on values not drawn.
 *
 * @param rows     the rows of the user's query
 * @param numbers  per y column, the rows whose value is a number (not null, not NaN)
 * @param nullX    per y column, of those, the rows with a null x
 */
public record EngineCounts(long rows, long[] numbers, long[] nullX) {
}
