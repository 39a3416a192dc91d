package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Schema;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checks the first message of Arrow IPC data for what Arrow Java would get wrong: a metadata version
 * newer than V5 (it fails with an unrelated index error) and big-endian data (it reads the bytes
 * unswapped, giving wrong values without a word).
 */
final class IpcPreamble {
    private static final int PEEK_BYTES = 1 << 16;
    private static final int FILE_MAGIC_AND_PADDING = 8;

    private IpcPreamble() {
    }

    static void check(BufferedInputStream in, InputFormat format, String sourceName) throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = in.readNBytes(PEEK_BYTES);
        in.reset();
        Message first = firstMessage(head, format == InputFormat.ARROW_FILE ? FILE_MAGIC_AND_PADDING : 0);
        if (first == null) {
            return;
        }
        short version;
        boolean schema;
        try {
            version = first.version();
            schema = first.headerType() == MessageHeader.Schema;
        } catch (RuntimeException corrupt) {
            // Metadata that points outside itself: Arrow's reader refuses it, in its own words.
            return;
        }
        if (version > MetadataVersion.V5) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": declares Arrow IPC metadata version V" + (version + 1)
                    + ", which charton does not know (it reads V1 to V5)");
        }
        if (schema && isBigEndian(first)) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": is big-endian Arrow data, which charton's Arrow"
                    + " library (Arrow Java) cannot read correctly; rewrite it little-endian");
        }
    }

    private static boolean isBigEndian(Message message) {
        try {
            Schema schema = (Schema) message.header(new Schema());
            return schema != null && schema.endianness() == Endianness.Big;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The message at {@code offset}, or null when it cannot be seen in {@code head}. */
    private static Message firstMessage(byte[] head, int offset) {
        ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int length = bytes.getInt(offset);
            if (length == -1) {
                offset += 4;
                length = bytes.getInt(offset);
            }
            if (length <= 0 || offset + 4 + length > head.length) {
                return null;
            }
            ByteBuffer metadata = ByteBuffer.wrap(head, offset + 4, length).slice().order(ByteOrder.LITTLE_ENDIAN);
            return Message.getRootAsMessage(metadata);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
