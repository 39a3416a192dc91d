package dev.charton.app;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.csv.ColumnDecision;
import dev.charton.input.csv.CsvTableReader;
import dev.charton.input.parquet.ParquetTableReader;
import dev.charton.input.sql.QueryResult;
import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a table and describes it. The row count comes from the Parquet footer when there is one;
 * otherwise every batch is read (one at a time, so memory stays bounded) and counted.
 */
public final class SchemaInspector {
    private SchemaInspector() {
    }

    public static TableSchema inspect(InputSource input, ReadOptions options) {
        return inspect(new InputTable(input, options));
    }

    /** The schema of a file or of a query's result (the query runs: its rows are counted). */
    public static TableSchema inspect(TableSource source) {
        source.checkReadable();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = source.open(null, allocator)) {
            // Counted first: a stream's dictionaries, which name the value types, arrive with its batches.
            long rows = table.knownRowCount().isPresent() ? table.knownRowCount().getAsLong() : countRows(table);
            return describe(table, source.displayName(), rows);
        }
    }

    /**
     * The schema of a table that has been read to its end ({@code rows} rows), from {@code source}:
     * what {@code charton schema} prints, and the shell's {@code schema} too.
     */
    public static TableSchema describe(TableReader table, String source, long rows) {
        Map<String, String> reasons = new HashMap<>();
        table.unwrap(CsvTableReader.class).ifPresent(csv -> {
            for (ColumnDecision d : csv.decisions()) {
                reasons.put(d.name(), d.reason());
            }
        });
        List<TableSchema.Column> columns = new ArrayList<>();
        for (Field field : table.root().getSchema().getFields()) {
            columns.add(new TableSchema.Column(field.getName(), TypeNames.of(field, table.dictionaries()),
                    field.isNullable(), reasons.get(field.getName())));
        }
        String detected = table.unwrap(CsvTableReader.class).map(csv -> csv.dialect().reasons()).orElse(null);
        return new TableSchema(source, formatName(table), rows, columns, detected);
    }

    private static long countRows(TableReader table) {
        long rows = 0;
        while (table.loadNextBatch()) {
            rows += table.root().getRowCount();
        }
        return rows;
    }

    private static String formatName(TableReader table) {
        if (table.unwrap(CsvTableReader.class).isPresent()) {
            return "csv";
        }
        if (table.unwrap(ParquetTableReader.class).isPresent()) {
            return "parquet";
        }
        if (table.unwrap(QueryResult.class).isPresent()) {
            return "sql";
        }
        return "arrow";
    }
}
