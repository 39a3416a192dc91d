package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.csv.CsvTableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Opens the right {@link TableReader} for an input, told by its bytes or by {@code --input-format}. */
public final class TableReaders {
    private TableReaders() {
    }

    public static TableReader open(InputSource source, ReadOptions options, BufferAllocator allocator) {
        BufferedInputStream in = source.open();
        InputFormat format;
        try {
            format = InputFormat.sniff(in);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, source.displayName() + ": cannot read: " + e.getMessage(), e);
        }
        if (format == InputFormat.CSV && options.format() != null) {
            format = options.format();
        }
        switch (format) {
            case ARROW_STREAM:
                return new ArrowIpcTableReader(new ArrowStreamReader(in, allocator), source.displayName());
            case ARROW_FILE:
                return openArrowFile(source, in, allocator);
            case PARQUET:
                throw new ChartonException(ExitCode.DATA, source.displayName() + ": Parquet input is not supported yet");
            default:
                return new CsvTableReader(source, in, options, allocator);
        }
    }

    private static TableReader openArrowFile(InputSource source, BufferedInputStream in, BufferAllocator allocator) {
        if (source.path().isEmpty()) {
            throw new ChartonException(ExitCode.DATA,
                    "<stdin>: an Arrow IPC file needs random access; pipe an Arrow IPC stream instead, or pass the path");
        }
        try {
            in.close();
            FileChannel channel = FileChannel.open(source.path().get(), StandardOpenOption.READ);
            return new ArrowIpcTableReader(new ArrowFileReader(channel, allocator), source.displayName());
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, source.displayName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
