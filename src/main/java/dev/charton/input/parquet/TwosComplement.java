package dev.charton.input.parquet;

import org.apache.parquet.io.ParquetDecodingException;

import java.util.Arrays;

/** Big-endian two's complement integers of any length, as Parquet stores decimal digits. */
final class TwosComplement {
    private TwosComplement() {
    }

    /**
     * Returns {@code bytes} in at most {@code width} bytes: longer inputs may only carry redundant
     * sign bytes (a FIXED_LEN_BYTE_ARRAY wider than the decimal needs), which are dropped.
     */
    static byte[] fit(byte[] bytes, int width) {
        if (bytes.length <= width) {
            return bytes;
        }
        int extra = bytes.length - width;
        byte sign = bytes[extra] < 0 ? (byte) 0xFF : 0;
        for (int i = 0; i < extra; i++) {
            if (bytes[i] != sign) {
                throw new ParquetDecodingException("a decimal value of " + bytes.length
                        + " bytes does not fit its declared precision");
            }
        }
        return Arrays.copyOfRange(bytes, extra, bytes.length);
    }
}
