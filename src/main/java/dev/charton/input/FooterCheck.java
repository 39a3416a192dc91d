package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Parquet and the Arrow IPC file format end alike: the footer, its length (int32, little-endian)
 * and the signature the file starts with. A copy cut short loses that ending, and the libraries
 * then report an unrelated detail ("Expected magic number at tail, but found [21, 16, 76, 21]");
 * this check says what happened before they are asked.
 */
final class FooterCheck {
    private static final int LENGTH_BYTES = 4;

    private FooterCheck() {
    }

    /**
     * Checks {@code file}, whose first {@code signatureLength} bytes are the signature and whose data
     * starts at {@code dataStart}, for the ending a complete file of {@code format} has.
     */
    static void check(Path file, String name, InputFormat format, int signatureLength, int dataStart) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long shortest = dataStart + LENGTH_BYTES + signatureLength;
            if (size < shortest) {
                throw truncated(name, format, "only " + size + " bytes, fewer than the " + shortest
                        + " even an empty one has");
            }
            ByteBuffer signature = read(channel, 0, signatureLength);
            ByteBuffer ending = read(channel, size - LENGTH_BYTES - signatureLength, LENGTH_BYTES + signatureLength);
            if (!ending.slice(LENGTH_BYTES, signatureLength).equals(signature)) {
                throw truncated(name, format, "it does not end with the signature it starts with (" + size
                        + " bytes; cut short?)");
            }
            long footerLength = Integer.toUnsignedLong(ending.getInt(0));
            long room = size - dataStart - LENGTH_BYTES - signatureLength;
            if (footerLength > room) {
                throw new ChartonException(ExitCode.DATA, name + ": corrupt " + format.description() + ": its footer"
                        + " length (" + footerLength + " bytes) is more than the " + room + " bytes the file has for it");
            }
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ChartonException truncated(String name, InputFormat format, String detail) {
        return new ChartonException(ExitCode.DATA, name + ": truncated " + format.description() + ": " + detail);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file shrank while being read");
            }
        }
        return buffer.flip();
    }
}
