package dev.charton.bench;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.table.ArrowStreamSender;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CSV ingest benchmark's entry point (run by bench/csv_ingest.sh, not by the test suite): reads
 * a CSV file exactly as {@code charton plot} does (both passes: parsing, inference, conversion to
 * Arrow vectors) and writes the Arrow IPC stream to /dev/null, so IPC serialisation is included
 * and only the pipe to Python is left out. Prints one line: bytes, rows, seconds, MB/s. A second
 * argument names another file for the stream (to see its size, which is also the spool's).
 */
public final class CsvIngest {
    private CsvIngest() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long bytes = Files.size(file);
        long start = System.nanoTime();
        long rows;
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(InputSource.of(file.toString()), ReadOptions.defaults(), allocator);
             OutputStream sink = new FileOutputStream(args.length > 1 ? args[1] : "/dev/null")) {
            rows = ArrowStreamSender.send(table, sink);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "charton csv ingest: %d bytes, %d rows, %.2f s, %.1f MB/s%n",
                bytes, rows, seconds, bytes / 1e6 / seconds);
    }
}
