package dev.charton.input.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.brotli.dec.BrotliInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Parquet's own codecs (snappy, gzip, zstd, lz4_raw), plus a pure-Java brotli decoder, which
 * parquet-java lacks, and an LZ4 decoder that accepts both framings writers used. charton only
 * reads, so compressors are never asked for.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    private final CodecFactory parquetCodecs = new CodecFactory(new PlainParquetConfiguration(), 0);

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("charton does not write Parquet");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        switch (codecName) {
            case BROTLI:
                return new Brotli();
            case LZ4:
                return new Lz4Pages();
            case LZO:
                throw new UnsupportedCodecException("the LZO codec (its GPL library cannot ship with charton)");
            default:
                return parquetCodecs.getDecompressor(codecName);
        }
    }

    @Override
    public void release() {
        parquetCodecs.release();
    }

    /** A codec the reader cannot decompress: the message names it. */
    static final class UnsupportedCodecException extends RuntimeException {
        UnsupportedCodecException(String codec) {
            super(codec + " is not supported");
        }
    }

    private static final class Brotli implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            try (InputStream in = new BrotliInputStream(bytes.toInputStream())) {
                byte[] out = in.readNBytes(decompressedSize);
                if (out.length != decompressedSize) {
                    throw new IOException("brotli page decompressed to " + out.length + " bytes, expected " + decompressedSize);
                }
                return BytesInput.from(out);
            }
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            ByteBuffer compressed = input.duplicate();
            compressed.limit(compressed.position() + compressedSize);
            output.put(decompress(BytesInput.from(compressed), decompressedSize).toByteBuffer());
            input.position(input.position() + compressedSize);
        }

        @Override
        public void release() {
        }
    }
}
