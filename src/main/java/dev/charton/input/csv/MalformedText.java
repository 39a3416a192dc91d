package dev.charton.input.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where the first undecodable bytes of a file are. The reader's decoder works ahead of the
 * parser by a buffer, so its failure does not say where; this error path scans the file again.
 */
final class MalformedText {
    /** Line and column (1-based; the column counts characters) and the byte offset in the file (0-based). */
    record Location(long line, long column, long byteOffset) {
    }

    private MalformedText() {
    }

    /** Where the first bad bytes are (LF, CRLF or CR ends a line). */
    static Location locate(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long line = 1;
        long column = 1;
        boolean afterCr = false;
        try (InputStream bytes = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = bytes.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                int before = in.position();
                CoderResult result = decoder.decode(in, out, end);
                consumed += in.position() - before;
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\n' && !afterCr || c == '\r') {
                        line++;
                        column = 1;
                    } else if (c != '\n') {
                        column++;
                    }
                    afterCr = c == '\r';
                }
                out.clear();
                if (result.isError()) {
                    return new Location(line, column, consumed);
                }
                in.compact();
                if (end && result.isUnderflow()) {
                    return new Location(line, column, consumed);
                }
            }
        } catch (IOException e) {
            return new Location(line, column, consumed);
        }
    }
}
