package dev.charton.fuzz;

import dev.charton.input.InputFormat;
import org.junit.jupiter.api.Named;

import java.util.stream.Stream;

/** Any bytes read as Parquet (as with --input-format parquet). */
class ParquetFuzzTest extends ReaderFuzzTarget {
    ParquetFuzzTest() {
        super(InputFormat.PARQUET);
    }

    static Stream<Named<byte[]>> seeds() {
        // Left out, an open finding (docs/fuzzing.md): 53 KB that take more than 4 GB of heap and 20 s to refuse.
        return FuzzSeeds.from(path -> path.endsWith(".parquet") && !path.endsWith("large_string_map.brotli.parquet"),
                "parquet");
    }
}
