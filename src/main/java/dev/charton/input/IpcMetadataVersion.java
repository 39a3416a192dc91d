package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MetadataVersion;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Refuses Arrow IPC data whose first message has a metadata version newer than V5, with a message
 * that says so; Arrow Java would fail on it with an unrelated index error.
 */
final class IpcMetadataVersion {
    private static final int PEEK_BYTES = 1 << 16;
    private static final int FILE_MAGIC_AND_PADDING = 8;

    private IpcMetadataVersion() {
    }

    static void check(BufferedInputStream in, InputFormat format, String sourceName) throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = in.readNBytes(PEEK_BYTES);
        in.reset();
        short version = firstMessageVersion(head, format == InputFormat.ARROW_FILE ? FILE_MAGIC_AND_PADDING : 0);
        if (version > MetadataVersion.V5) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": declares Arrow IPC metadata version V" + (version + 1)
                    + ", which charton does not know (it reads V1 to V5)");
        }
    }

    /** The version of the message at {@code offset}, or -1 when it cannot be seen in {@code head}. */
    private static short firstMessageVersion(byte[] head, int offset) {
        ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int length = bytes.getInt(offset);
            if (length == -1) {
                offset += 4;
                length = bytes.getInt(offset);
            }
            if (length <= 0 || offset + 4 + length > head.length) {
                return -1;
            }
            ByteBuffer metadata = ByteBuffer.wrap(head, offset + 4, length).slice().order(ByteOrder.LITTLE_ENDIAN);
            return Message.getRootAsMessage(metadata).version();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
