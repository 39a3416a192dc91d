package dev.charton.input;

import dev.charton.input.csv.ByteOrderMark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/** The table formats charton reads, told apart by their leading bytes whatever the file is called. */
public enum InputFormat {
    CSV("CSV text"),
    PARQUET("Parquet file"),
    ARROW_FILE("Arrow IPC file"),
    ARROW_STREAM("Arrow IPC stream");

    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    private static final byte[] ENCRYPTED_PARQUET_MAGIC = {'P', 'A', 'R', 'E'};
    private static final byte[] ARROW_FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    private static final int LEGACY_MAX_METADATA = 1 << 24;
    private static final int BINARY_PEEK = 4096;
    private static final byte[] IPC_CONTINUATION = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final int SHORTEST_CUT_SIGNATURE = 2;

    private final String description;

    InputFormat(String description) {
        this.description = description;
    }

    /** What messages call data of this format ("Parquet file"). */
    public String description() {
        return description;
    }

    /** Parses the {@code --input-format} value: csv, parquet or arrow (file or stream, told by bytes). */
    public static InputFormat fromOption(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "csv": return CSV;
            case "parquet": return PARQUET;
            case "arrow": case "ipc": case "feather": return ARROW_STREAM;
            default: throw new IllegalArgumentException("unknown input format '" + name + "' (expected csv, parquet or arrow)");
        }
    }

    /**
     * Peeks at the first bytes without consuming them. Anything unrecognised is taken as CSV text,
     * and so is anything starting with a Unicode byte-order mark: UTF-16 text would otherwise pass
     * for a legacy Arrow stream (its first bytes make two small little-endian numbers).
     */
    public static InputFormat sniff(BufferedInputStream in) throws IOException {
        if (ByteOrderMark.peek(in) != null) {
            return CSV;
        }
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (startsWith(head, PARQUET_MAGIC) || startsWith(head, ENCRYPTED_PARQUET_MAGIC)) {
            return PARQUET;
        }
        if (startsWith(head, ARROW_FILE_MAGIC)) {
            return ARROW_FILE;
        }
        if (startsWith(head, IPC_CONTINUATION) || isLegacyIpcStream(head)) {
            return ARROW_STREAM;
        }
        return CSV;
    }

    /**
     * Streams written before Arrow 0.15 start straight with the metadata length (little-endian
     * int32) and then the flatbuffer's root offset, which points inside that metadata. Both are
     * small numbers, so their high bytes are zero: text never starts that way.
     */
    private static boolean isLegacyIpcStream(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        ByteBuffer le = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int metadataLength = le.getInt(0);
        int rootOffset = le.getInt(4);
        return metadataLength > 8 && metadataLength < LEGACY_MAX_METADATA
                && rootOffset >= 4 && rootOffset < metadataLength;
    }

    /**
     * The binary format whose signature the whole input is the start of (2 to 5 bytes such as
     * {@code PAR} or {@code ARRO}): a copy cut short inside its first bytes, which would otherwise be
     * read as a one-line CSV. Null when the input is longer or starts otherwise.
     */
    public static InputFormat cutSignature(BufferedInputStream in) throws IOException {
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (head.length < SHORTEST_CUT_SIGNATURE) {
            return null;
        }
        if (isProperPrefix(head, PARQUET_MAGIC) || isProperPrefix(head, ENCRYPTED_PARQUET_MAGIC)) {
            return PARQUET;
        }
        if (isProperPrefix(head, ARROW_FILE_MAGIC)) {
            return ARROW_FILE;
        }
        return isProperPrefix(head, IPC_CONTINUATION) ? ARROW_STREAM : null;
    }

    private static boolean isProperPrefix(byte[] data, byte[] signature) {
        return data.length < signature.length && Arrays.equals(data, 0, data.length, signature, 0, data.length);
    }

    /**
     * True when the first bytes hold a NUL, which UTF-8 text (and so a UTF-8 CSV) never does, and
     * there is no byte-order mark saying the text is UTF-16 or UTF-32 (where NULs are common).
     */
    public static boolean looksBinary(BufferedInputStream in) throws IOException {
        if (ByteOrderMark.peek(in) != null) {
            return false;
        }
        in.mark(BINARY_PEEK);
        byte[] head = in.readNBytes(BINARY_PEEK);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isArrow() {
        return this == ARROW_FILE || this == ARROW_STREAM;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
