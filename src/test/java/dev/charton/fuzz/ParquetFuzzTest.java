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
        return FuzzSeeds.from(path -> path.endsWith(".parquet"), "parquet");
    }
}
