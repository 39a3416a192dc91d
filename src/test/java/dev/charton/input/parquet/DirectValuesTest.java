package dev.charton.input.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DirectValuesTest {

    @Test
    void markingARunPresentSetsExactlyItsBitsWhereverItStartsAndEnds() {
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf validity = allocator.buffer(16)) {
            for (int row = 0; row < 40; row++) {
                for (int count = 0; row + count <= 100; count++) {
                    validity.setZero(0, validity.capacity());
                    DirectValues.markPresent(validity, row, count);
                    for (int bit = 0; bit < 128; bit++) {
                        boolean inRun = bit >= row && bit < row + count;
                        assertEquals(inRun ? 1 : 0, BitVectorHelper.get(validity, bit),
                                "bit " + bit + " after marking " + count + " rows from " + row);
                    }
                }
            }
        }
    }
}
