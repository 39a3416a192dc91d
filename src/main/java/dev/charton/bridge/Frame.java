package dev.charton.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message of the bridge protocol: a four-letter kind, then a big-endian u32 length, then that
 * many bytes of UTF-8 JSON. A payload (an Arrow IPC stream, figure bytes) may follow, as the
 * header declares. See docs/protocol.md.
 */
public record Frame(String kind, JsonNode header) {
    public static final String HELLO = "HELO";
    public static final String REQUEST = "RQST";
    public static final String RESPONSE = "RESP";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HEADER_BYTES = 16 << 20;

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public void writeTo(OutputStream out) throws IOException {
        byte[] json = JSON.writeValueAsBytes(header);
        byte[] kindBytes = kind.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer prefix = ByteBuffer.allocate(8).put(kindBytes).putInt(json.length);
        out.write(prefix.array());
        out.write(json);
    }

    /** Reads one frame; returns null when the stream ends cleanly before a new frame. */
    public static Frame readFrom(InputStream in) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length == 0) {
            return null;
        }
        if (prefix.length < 8) {
            throw new EOFException("the bridge stream ended inside a frame header");
        }
        String kind = new String(prefix, 0, 4, StandardCharsets.US_ASCII);
        int length = ByteBuffer.wrap(prefix, 4, 4).getInt();
        if (length < 0 || length > MAX_HEADER_BYTES) {
            throw new IOException("bad bridge frame (kind '" + printable(kind) + "', length " + length + ")");
        }
        byte[] json = new byte[length];
        new DataInputStream(in).readFully(json);
        return new Frame(kind, JSON.readTree(json));
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
