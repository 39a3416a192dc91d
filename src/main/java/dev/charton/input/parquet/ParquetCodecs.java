package dev.charton.input.parquet;

import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.lz4.LZ4Factory;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.brotli.dec.BrotliInputStream;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * The page codecs, decoded by their own libraries rather than through parquet-java's Hadoop codec
 * plumbing: that plumbing loads Hadoop's configuration classes on every open, and shares one
 * stateful decompressor per codec, which the columns decoded on several threads cannot share.
 * charton only reads, so compressors are never asked for.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("charton does not write Parquet");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        switch (codecName) {
            case UNCOMPRESSED:
                return new Uncompressed();
            case SNAPPY:
                return new SnappyPages();
            case GZIP:
                return new GzipPages();
            case ZSTD:
                return new ZstdPages();
            case LZ4_RAW:
                return new Lz4RawPages();
            case BROTLI:
                return new BrotliPages();
            case LZ4:
                return new Lz4Pages();
            case LZO:
                throw new UnsupportedCodecException("the LZO codec (its GPL library cannot ship with charton)");
            default:
                throw new UnsupportedCodecException("the " + codecName + " codec");
        }
    }

    @Override
    public void release() {
    }

    /** A codec the reader cannot decompress: the message names it. */
    static final class UnsupportedCodecException extends RuntimeException {
        UnsupportedCodecException(String codec) {
            super(codec + " is not supported");
        }
    }

    private static final class Uncompressed extends PageDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) {
            return bytes;
        }

        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            if (in.length != out.length) {
                throw sizeMismatch("uncompressed", in.length, out.length);
            }
            System.arraycopy(in, 0, out, 0, in.length);
        }

        @Override
        void decodeDirect(ByteBuffer in, ByteBuffer out) throws IOException {
            if (in.remaining() != out.remaining()) {
                throw sizeMismatch("uncompressed", in.remaining(), out.remaining());
            }
            out.put(in);
        }
    }

    private static final class SnappyPages extends PageDecompressor {
        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            int length = Snappy.uncompressedLength(in);
            if (length != out.length) {
                throw sizeMismatch("snappy", length, out.length);
            }
            Snappy.uncompress(in, 0, in.length, out, 0);
        }

        @Override
        void decodeDirect(ByteBuffer in, ByteBuffer out) throws IOException {
            int length = Snappy.uncompressedLength(in);
            if (length != out.remaining()) {
                throw sizeMismatch("snappy", length, out.remaining());
            }
            // Snappy leaves the output's position where it was and sets its limit to the end.
            int produced = Snappy.uncompress(in, out);
            out.position(out.position() + produced);
        }
    }

    private static final class ZstdPages extends PageDecompressor {
        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            long produced = Zstd.decompressByteArray(out, 0, out.length, in, 0, in.length);
            if (Zstd.isError(produced)) {
                throw new IOException("a zstd page is corrupt: " + Zstd.getErrorName(produced));
            }
            if (produced != out.length) {
                throw sizeMismatch("zstd", produced, out.length);
            }
        }

        @Override
        void decodeDirect(ByteBuffer in, ByteBuffer out) throws IOException {
            long produced = Zstd.decompressDirectByteBuffer(out, out.position(), out.remaining(), in, in.position(),
                    in.remaining());
            if (Zstd.isError(produced)) {
                throw new IOException("a zstd page is corrupt: " + Zstd.getErrorName(produced));
            }
            if (produced != out.remaining()) {
                throw sizeMismatch("zstd", produced, out.remaining());
            }
            out.position(out.position() + (int) produced);
        }
    }

    private static final class Lz4RawPages extends PageDecompressor {
        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            try {
                int produced = LZ4.decompress(in, 0, in.length, out, 0, out.length);
                if (produced != out.length) {
                    throw sizeMismatch("LZ4", produced, out.length);
                }
            } catch (LZ4Exception e) {
                throw new IOException("an LZ4 page is corrupt: " + e.getMessage(), e);
            }
        }

        @Override
        void decodeDirect(ByteBuffer in, ByteBuffer out) throws IOException {
            try {
                int produced = LZ4.decompress(in, in.position(), in.remaining(), out, out.position(), out.remaining());
                if (produced != out.remaining()) {
                    throw sizeMismatch("LZ4", produced, out.remaining());
                }
                out.position(out.position() + produced);
            } catch (LZ4Exception e) {
                throw new IOException("an LZ4 page is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /** gzip pages may hold several members one after another; the stream reads them all. */
    private static final class GzipPages extends PageDecompressor {
        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            readExactly(new GZIPInputStream(new ByteArrayInputStream(in)), out, "gzip");
        }
    }

    /** parquet-java has no brotli decoder; this one is pure Java. */
    private static final class BrotliPages extends PageDecompressor {
        @Override
        void decode(byte[] in, byte[] out) throws IOException {
            readExactly(new BrotliInputStream(new ByteArrayInputStream(in)), out, "brotli");
        }
    }

    private static void readExactly(InputStream stream, byte[] out, String codec) throws IOException {
        try (InputStream in = stream) {
            int produced = in.readNBytes(out, 0, out.length);
            if (produced != out.length) {
                throw PageDecompressor.sizeMismatch(codec, produced, out.length);
            }
        }
    }
}
