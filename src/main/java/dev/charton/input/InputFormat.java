package dev.charton.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/** The table formats charton reads, told apart by their leading bytes whatever the file is called. */
public enum InputFormat {
    CSV,
    PARQUET,
    ARROW_FILE,
    ARROW_STREAM;

    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    private static final byte[] ARROW_FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    private static final byte[] IPC_CONTINUATION = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /** Parses the {@code --input-format} value: csv, parquet or arrow (file or stream, told by bytes). */
    public static InputFormat fromOption(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "csv": return CSV;
            case "parquet": return PARQUET;
            case "arrow": case "ipc": case "feather": return ARROW_STREAM;
            default: throw new IllegalArgumentException("unknown input format '" + name + "' (expected csv, parquet or arrow)");
        }
    }

    /** Peeks at the first bytes without consuming them. Anything unrecognised is taken as CSV text. */
    public static InputFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (startsWith(head, PARQUET_MAGIC)) {
            return PARQUET;
        }
        if (startsWith(head, ARROW_FILE_MAGIC)) {
            return ARROW_FILE;
        }
        if (startsWith(head, IPC_CONTINUATION)) {
            return ARROW_STREAM;
        }
        return CSV;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
