package dev.charton.input.parquet;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Pages of Parquet's deprecated LZ4 codec. Writers disagree on what it means: parquet-java (via
 * Hadoop) frames LZ4 blocks with big-endian lengths, others wrote one bare LZ4 block. The Hadoop
 * framing is tried first, and a bare block when the lengths do not add up, as Arrow C++ does.
 */
final class Lz4Pages extends PageDecompressor {
    private static final LZ4SafeDecompressor LZ4 = ParquetCodecs.LZ4;

    @Override
    void decode(byte[] in, byte[] out) throws IOException {
        if (!decodeHadoopFrames(in, out)) {
            decodeBlock(in, out);
        }
    }

    /** Frames of [uncompressed length][compressed length][block]...; false if the input is not that. */
    private static boolean decodeHadoopFrames(byte[] in, byte[] out) {
        ByteBuffer frames = ByteBuffer.wrap(in);
        int produced = 0;
        try {
            while (frames.remaining() >= 8) {
                int frameSize = frames.getInt();
                int frameEnd = produced + frameSize;
                if (frameSize < 0 || frameEnd > out.length) {
                    return false;
                }
                while (produced < frameEnd) {
                    int blockSize = frames.getInt();
                    if (blockSize < 0 || blockSize > frames.remaining()) {
                        return false;
                    }
                    produced += LZ4.decompress(in, frames.position(), blockSize, out, produced, frameEnd - produced);
                    frames.position(frames.position() + blockSize);
                }
            }
        } catch (LZ4Exception | java.nio.BufferUnderflowException e) {
            return false;
        }
        return produced == out.length && !frames.hasRemaining();
    }

    private static void decodeBlock(byte[] in, byte[] out) throws IOException {
        try {
            int produced = LZ4.decompress(in, 0, in.length, out, 0, out.length);
            if (produced != out.length) {
                throw new IOException("an LZ4 page decompressed to " + produced + " bytes, expected " + out.length);
            }
        } catch (LZ4Exception e) {
            throw new IOException("an LZ4 page is corrupt: " + e.getMessage(), e);
        }
    }
}
