package dev.charton.input.csv;

/**
 * How one column is converted: the decision, and what the decision needs to act on it.
 *
 * @param source     the column's position in the CSV rows
 * @param pattern    the layout of non-ISO dates or timestamps, or null
 * @param reading    how numbers are written (separators)
 * @param dictionary the column's distinct values (for a {@link CsvType#CATEGORY} column, its dictionary)
 */
record ColumnPlan(int source, ColumnDecision decision, DatePattern pattern, NumberReading reading,
                  DistinctValues dictionary) {

    Storage storage() {
        return new Storage(decision.type(), pattern, reading);
    }
}
