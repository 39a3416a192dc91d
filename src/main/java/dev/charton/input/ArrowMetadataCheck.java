package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Checks an Arrow IPC file's footer, and any schema's flatbuffer, before Arrow converts it: Arrow
 * Java sizes arrays from the lengths the flatbuffer declares (a union's type ids, for one), so a
 * corrupt schema of a few bytes could claim gigabytes of heap. Every length must fit in its bytes.
 */
final class ArrowMetadataCheck {
    private static final int ENDING = Integer.BYTES + 6; // footer length, then "ARROW1"
    private static final int OFFSET = Integer.BYTES; // the least an element of a vector of tables takes
    private static final int BLOCK = 24; // a Block struct: offset, metadata length, body length
    private static final int DEEPEST = 64;
    private static final int NODE = 16; // a FieldNode struct: length, null count
    private static final int BUFFER = 16; // a Buffer struct: offset, length

    private ArrowMetadataCheck() {
    }

    static void check(FileChannel channel, String name) throws IOException {
        long size = channel.size();
        ByteBuffer ending = read(channel, size - ENDING, Integer.BYTES);
        long length = Integer.toUnsignedLong(ending.getInt(0));
        if (length == 0 || length > size - ENDING) {
            throw corrupt(name, "its footer length (" + length + " bytes) does not fit the file");
        }
        ByteBuffer footer = read(channel, size - ENDING - length, (int) length);
        try {
            checkFooter(Footer.getRootAsFooter(footer), (int) length);
        } catch (IndexOutOfBoundsException e) {
            throw corrupt(name, "its footer points outside itself");
        } catch (IllegalArgumentException e) {
            throw corrupt(name, "its footer " + e.getMessage());
        }
    }

    private static void checkFooter(Footer footer, int limit) {
        Schema schema = footer.schema();
        if (schema == null) {
            throw new IllegalArgumentException("has no schema");
        }
        fits(footer.recordBatchesLength(), BLOCK, limit);
        fits(footer.dictionariesLength(), BLOCK, limit);
        checkMetadata(footer.customMetadataLength(), footer::customMetadata, limit);
        checkSchema(schema, limit);
    }

    /**
     * Checks a schema's flatbuffer (a file's footer, a stream's first message) whose bytes number
     * {@code limit}: every length it declares must fit in them, else an IllegalArgumentException
     * says which does not.
     */
    static void checkSchema(Schema schema, int limit) {
        fits(schema.fieldsLength(), OFFSET, limit);
        fits(schema.featuresLength(), Long.BYTES, limit);
        checkMetadata(schema.customMetadataLength(), schema::customMetadata, limit);
        for (int i = 0; i < schema.fieldsLength(); i++) {
            checkField(schema.fields(i), limit, 1);
        }
    }

    /**
     * Checks a record batch's flatbuffer of {@code limit} bytes: its node and buffer counts, and the
     * variadic buffer counts Arrow sizes lists from, must fit in it.
     */
    static void checkRecordBatch(RecordBatch batch, int limit) {
        fits(batch.nodesLength(), NODE, limit);
        fits(batch.buffersLength(), BUFFER, limit);
        fits(batch.variadicBufferCountsLength(), Long.BYTES, limit);
        for (int i = 0; i < batch.variadicBufferCountsLength(); i++) {
            fits(batch.variadicBufferCounts(i), BUFFER, limit);
        }
    }

    private static void checkField(Field field, int limit, int depth) {
        if (field == null || depth > DEEPEST) {
            throw new IllegalArgumentException("holds a malformed schema");
        }
        ByteBuffer fieldName = field.nameAsByteBuffer();
        if (fieldName != null) {
            fits(fieldName.remaining(), 1, limit);
        }
        if (field.typeType() == Type.Union) {
            Union union = (Union) field.type(new Union());
            if (union != null) {
                fits(union.typeIdsLength(), Integer.BYTES, limit);
            }
        }
        checkMetadata(field.customMetadataLength(), field::customMetadata, limit);
        fits(field.childrenLength(), OFFSET, limit);
        for (int i = 0; i < field.childrenLength(); i++) {
            checkField(field.children(i), limit, depth + 1);
        }
    }

    private static void checkMetadata(int count, java.util.function.IntFunction<KeyValue> entry, int limit) {
        fits(count, OFFSET, limit);
        for (int i = 0; i < count; i++) {
            KeyValue pair = entry.apply(i);
            if (pair == null) {
                throw new IllegalArgumentException("holds malformed metadata");
            }
            for (ByteBuffer text : new ByteBuffer[] {pair.keyAsByteBuffer(), pair.valueAsByteBuffer()}) {
                if (text != null) {
                    fits(text.remaining(), 1, limit);
                }
            }
        }
    }

    private static void fits(long count, int each, int limit) {
        if (count < 0 || count * each > limit) {
            throw new IllegalArgumentException("declares " + count + " entries, more than its " + limit + " bytes hold");
        }
    }

    private static ChartonException corrupt(String name, String detail) {
        return new ChartonException(ExitCode.DATA, name + ": corrupt " + InputFormat.ARROW_FILE.description() + ": " + detail);
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
