package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    /** Worker to charton, once, before the worker imports the plotting libraries. */
    public static final String HELLO = "HELO";
    /** Charton to worker: render; an Arrow IPC stream follows. */
    public static final String REQUEST = "RQST";
    /** Charton to worker: a session request (charton shell): run code, show rows; text comes back. */
    public static final String EXECUTE = "EXEC";
    /** Charton to worker: describe the interpreter (charton doctor). */
    public static final String PROBE = "PROB";
    /** Worker to charton: the answer to a request or probe; {@code length} payload bytes follow. */
    public static final String RESPONSE = "RESP";
    /** A service's serving process to charton: what the request printed; {@code length} bytes follow. */
    public static final String OUTPUT = "ERRS";
    /** A worker service to charton: the process serving this connection ended, with {@code status}. */
    public static final String EXIT = "EXIT";

    static final int MAX_HEADER_BYTES = 16 << 20;

    public Frame {
        if (kind.length() != 4 || !kind.chars().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException("a frame kind is four ASCII letters, not '" + kind + "'");
        }
    }

    public static ObjectNode object() {
        return Json.object();
    }

    public void writeTo(OutputStream out) throws IOException {
        byte[] json = Json.bytes(header);
        ByteBuffer prefix = ByteBuffer.allocate(8).put(kind.getBytes(StandardCharsets.US_ASCII)).putInt(json.length);
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
        if (length < 0 || length > MAX_HEADER_BYTES || !kind.chars().allMatch(Character::isLetter)) {
            throw new IOException("not a bridge frame (kind '" + printable(kind) + "', length " + length + ")");
        }
        byte[] json = in.readNBytes(length);
        if (json.length < length) {
            throw new EOFException("the bridge stream ended inside a " + kind + " frame");
        }
        JsonNode header;
        try {
            header = Json.parse(json);
        } catch (IOException e) {
            throw new IOException("a " + kind + " frame holds no JSON: " + e.getMessage(), e);
        }
        if (!header.isObject()) {
            throw new IOException("a " + kind + " frame holds no JSON object");
        }
        return new Frame(kind, header);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
