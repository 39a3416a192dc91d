package dev.charton.input.parquet;

import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryBytesTest {
    private static final ByteBuffer PAGE = ByteBuffer.wrap("..value..".getBytes(StandardCharsets.UTF_8));

    @Test
    void aValueInsideItsPageIsCopied() {
        assertArrayEquals("value".getBytes(StandardCharsets.UTF_8),
                BinaryBytes.of(Binary.fromConstantByteBuffer(PAGE, 2, 5)));
        assertArrayEquals(new byte[]{1, 2}, BinaryBytes.of(Binary.fromConstantByteArray(new byte[]{0, 1, 2, 3}, 1, 2)));
    }

    /** The fuzzer's file declares a dictionary value of 1.8 GB in a page of 18 bytes. */
    @Test
    void aValueRunningPastItsPageFailsBeforeAnythingIsAllocated() {
        assertThrows(RuntimeException.class, () -> BinaryBytes.of(Binary.fromConstantByteBuffer(PAGE, 2, 1_828_716_562)));
        assertThrows(RuntimeException.class,
                () -> BinaryBytes.of(Binary.fromConstantByteArray(new byte[4], 1, 1_828_716_562)));
    }
}
