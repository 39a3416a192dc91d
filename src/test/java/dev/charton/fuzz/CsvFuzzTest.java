package dev.charton.fuzz;

import org.junit.jupiter.api.Named;

import java.util.stream.Stream;

/** Any bytes through input-format sniffing, then the CSV sniffer (delimiter, types) and reader. */
class CsvFuzzTest extends ReaderFuzzTarget {
    CsvFuzzTest() {
        super(null);
    }

    static Stream<Named<byte[]>> seeds() {
        return FuzzSeeds.from(path -> true, "csv", "datasets/palmerpenguins", "datasets/vega-datasets");
    }
}
