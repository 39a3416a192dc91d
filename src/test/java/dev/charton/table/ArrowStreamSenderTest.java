package dev.charton.table;

import dev.charton.input.InputFormat;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.csv.CsvOptions;
import dev.charton.input.csv.CsvTableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrowStreamSenderTest {
    @Test
    void writesARawIpcStreamThatArrowReadsBackBatchByBatch() throws Exception {
        StringBuilder csv = new StringBuilder("id,name,when\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append(",n").append(i % 7).append(",2024-01-").append(String.format("%02d", i % 28 + 1)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator();
             CsvTableReader table = new CsvTableReader(InputSource.of("-"), new BufferedInputStream(new ByteArrayInputStream(
                     csv.toString().getBytes(StandardCharsets.UTF_8))),
                     new ReadOptions(InputFormat.CSV, CsvOptions.defaults().withBatchRows(300), null, ReadOptions.NO_LIMIT),
                     allocator)) {
            assertEquals(1000, ArrowStreamSender.send(table, out));
        }
        byte[] bytes = out.toByteArray();
        // Raw IPC: the stream starts with the continuation marker, not base64 text, and ends with EOS.
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, java.util.Arrays.copyOf(bytes, 4));
        assertArrayEquals(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length));

        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int batches = 0;
            long rows = 0;
            long idSum = 0;
            String lastName = null;
            while (reader.loadNextBatch()) {
                batches++;
                // Few distinct names: the CSV reader dictionary-encodes them, and the stream carries the dictionary.
                long dictionaryId = root.getSchema().findField("name").getDictionary().getId();
                int index = ((org.apache.arrow.vector.IntVector) root.getVector("name")).get(root.getRowCount() - 1);
                lastName = reader.lookup(dictionaryId).getVector().getObject(index).toString();
                for (int r = 0; r < root.getRowCount(); r++) {
                    idSum += (Long) root.getVector("id").getObject(r);
                }
                rows += root.getRowCount();
            }
            assertEquals(4, batches);
            assertEquals(1000, rows);
            assertEquals(999L * 1000 / 2, idSum);
            assertEquals("n" + (999 % 7), lastName);
            assertTrue(root.getSchema().findField("when").getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Date);
        }
    }
}
