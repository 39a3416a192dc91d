package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameTest {
    @Test
    void aFrameIsKindThenBigEndianLengthThenJson() throws IOException {
        ObjectNode header = Frame.object().put("id", 7).put("renderer", "matplotlib").put("text", "é");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Frame(Frame.REQUEST, header).writeTo(out);
        byte[] bytes = out.toByteArray();
        assertArrayEquals("RQST".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(bytes, 4));
        assertEquals(bytes.length - 8, ByteBuffer.wrap(bytes, 4, 4).getInt());
        Frame back = Frame.readFrom(new ByteArrayInputStream(bytes));
        assertEquals(new Frame(Frame.REQUEST, header), back);
    }

    @Test
    void framesFollowEachOtherAndACleanEndIsNull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Frame(Frame.HELLO, Frame.object().put("n", 1)).writeTo(out);
        new Frame(Frame.RESPONSE, Frame.object().put("n", 2)).writeTo(out);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(1, Frame.readFrom(in).header().path("n").asInt());
        assertEquals(Frame.RESPONSE, Frame.readFrom(in).kind());
        assertNull(Frame.readFrom(in));
    }

    @Test
    void aCutFrameIsAnEofError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Frame(Frame.RESPONSE, Frame.object().put("status", "ok")).writeTo(out);
        byte[] bytes = out.toByteArray();
        for (int cut : new int[] {3, 9, bytes.length - 1}) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThrows(EOFException.class, () -> Frame.readFrom(new ByteArrayInputStream(part)), "cut at " + cut);
        }
    }

    @Test
    void bytesThatAreNotAFrameAreRefused() {
        byte[][] notFrames = {
            "\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1),
            {'R', 'E', 'S', 'P', (byte) 0xff, 0, 0, 0},
            {'R', 'E', 'S', 'P', 0, 0, 0, 2, '[', ']'},
        };
        for (byte[] bytes : notFrames) {
            assertThrows(IOException.class, () -> Frame.readFrom(new ByteArrayInputStream(bytes)));
        }
        assertThrows(IllegalArgumentException.class, () -> new Frame("RQ", Frame.object()));
    }
}
