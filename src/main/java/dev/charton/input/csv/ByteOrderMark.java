package dev.charton.input.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The Unicode byte-order marks: a text file that starts with one says its own encoding, which then
 * wins over {@code --encoding} (a file cannot be UTF-16 and start with the UTF-8 mark).
 */
public enum ByteOrderMark {
    UTF_32LE(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00),
    UTF_32BE(Charset.forName("UTF-32BE"), 0x00, 0x00, 0xFE, 0xFF),
    UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
    UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
    UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF);

    private final Charset charset;
    private final int[] bytes;

    ByteOrderMark(Charset charset, int... bytes) {
        this.charset = charset;
        this.bytes = bytes;
    }

    public Charset charset() {
        return charset;
    }

    /** The mark the stream starts with (UTF-32 LE before UTF-16 LE, whose mark it begins with), without consuming it. */
    public static ByteOrderMark peek(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        for (ByteOrderMark mark : values()) {
            if (mark.starts(head)) {
                return mark;
            }
        }
        return null;
    }

    /** Consumes the mark at the start of {@code in}, if any, and returns it. */
    static ByteOrderMark skip(BufferedInputStream in) throws IOException {
        ByteOrderMark mark = peek(in);
        if (mark != null) {
            in.skipNBytes(mark.bytes.length);
        }
        return mark;
    }

    private boolean starts(byte[] head) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
