package dev.charton.input.parquet;

import org.apache.parquet.io.SeekableInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local Parquet file read through a {@link FileChannel}, which reads straight into the direct
 * buffers column chunks go to ({@link ChunkBuffers}). parquet-java's own local stream reads each
 * buffer into a new heap array of its size first and copies it: arrays of up to 8 MB, the size of
 * a read, zeroed and then collected (a 10M-row file: 190 MB of them, 7 young collections against 5).
 */
final class FileChannelStream extends SeekableInputStream {
    private final FileChannel channel;
    private final ByteBuffer oneByte = ByteBuffer.allocate(1);

    FileChannelStream(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public long getPos() throws IOException {
        return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
        channel.position(position);
    }

    @Override
    public int read() throws IOException {
        oneByte.clear();
        return channel.read(oneByte) < 1 ? -1 : oneByte.get(0) & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
        readFully(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("reached the end of the file with " + buffer.remaining() + " bytes left to read");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
