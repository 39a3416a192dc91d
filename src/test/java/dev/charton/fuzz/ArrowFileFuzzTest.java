package dev.charton.fuzz;

import org.junit.jupiter.api.Named;

import java.util.stream.Stream;

/**
 * Any bytes read as charton reads a file by default, seeded with Arrow IPC files (so the Arrow file
 * reader gets most inputs).
 */
class ArrowFileFuzzTest extends ReaderFuzzTarget {
    ArrowFileFuzzTest() {
        super(null);
    }

    static Stream<Named<byte[]>> seeds() {
        return FuzzSeeds.from(path -> path.endsWith(".arrow_file") || path.contains("arrow-ipc-file"),
                "arrow/integration", "arrow/invalid");
    }
}
