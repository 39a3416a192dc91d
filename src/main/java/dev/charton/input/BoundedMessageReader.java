package dev.charton.input;

import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;

/**
 * Reads the messages of an Arrow IPC stream, refusing one whose metadata length is beyond
 * {@link #MAX_METADATA_BYTES} before Arrow allocates it on the heap: a stream of a few bytes could
 * otherwise claim 2 GB and exhaust the heap. (A message body is allocated by the bounded allocator.)
 */
final class BoundedMessageReader extends MessageChannelReader {
    /** Far more than the metadata of any real schema or batch (a million columns take some 50 MB). */
    static final int MAX_METADATA_BYTES = 64 << 20;
    private static final int CONTINUATION = -1;

    private final InputStream bytes;

    /** {@code bytes} must support mark and reset; Arrow reads them through a channel without read-ahead. */
    BoundedMessageReader(InputStream bytes, BufferAllocator allocator) {
        super(new ReadChannel(Channels.newChannel(bytes)), allocator);
        this.bytes = bytes;
    }

    @Override
    public MessageResult readNext() throws IOException {
        long length = peekMetadataLength();
        if (length > MAX_METADATA_BYTES) {
            throw new IOException("a message declares " + length + " bytes of metadata, more than charton reads ("
                    + (MAX_METADATA_BYTES >> 20) + " MiB)");
        }
        MessageResult result = super.readNext();
        if (result != null) {
            check(result, (int) length);
        }
        return result;
    }

    /** The lengths a schema or batch message declares, against its metadata's bytes (ArrowMetadataCheck). */
    private static void check(MessageResult result, int length) throws IOException {
        try {
            switch (result.getMessage().headerType()) {
                case MessageHeader.Schema -> ArrowMetadataCheck.checkSchema((Schema) result.getMessage().header(new Schema()), length);
                case MessageHeader.RecordBatch -> ArrowMetadataCheck.checkRecordBatch(
                        (RecordBatch) result.getMessage().header(new RecordBatch()), length);
                case MessageHeader.DictionaryBatch -> {
                    RecordBatch data = ((DictionaryBatch) result.getMessage().header(new DictionaryBatch())).data();
                    if (data != null) {
                        ArrowMetadataCheck.checkRecordBatch(data, length);
                    }
                }
                default -> { }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException | ClassCastException e) {
            throw new IOException("a message's metadata " + (e instanceof IllegalArgumentException ? e.getMessage()
                    : "is malformed"));
        }
    }

    /**
     * The length prefix of the next message, read ahead and given back; a legacy stream's end (four
     * zero bytes) is peeked at without reading past it.
     */
    private long peekMetadataLength() throws IOException {
        bytes.mark(2 * Integer.BYTES);
        try {
            int length = nextInt();
            return length == CONTINUATION ? nextInt() : length;
        } finally {
            bytes.reset();
        }
    }

    private int nextInt() throws IOException {
        byte[] prefix = bytes.readNBytes(Integer.BYTES);
        return prefix.length < Integer.BYTES ? 0 : ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
