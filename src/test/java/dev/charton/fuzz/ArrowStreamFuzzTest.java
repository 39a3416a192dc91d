package dev.charton.fuzz;

import dev.charton.input.InputFormat;
import org.junit.jupiter.api.Named;

import java.util.stream.Stream;

/** Any bytes read as Arrow IPC (--input-format arrow: a stream, or a file when the bytes start with its signature). */
class ArrowStreamFuzzTest extends ReaderFuzzTarget {
    ArrowStreamFuzzTest() {
        super(InputFormat.ARROW_STREAM);
    }

    static Stream<Named<byte[]>> seeds() {
        return FuzzSeeds.from(path -> path.endsWith(".stream") || path.contains("arrow-ipc-stream"),
                "arrow/integration", "arrow/invalid");
    }
}
