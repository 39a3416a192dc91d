package dev.charton.input.parquet;

import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Writes real Parquet files with parquet-java's own writer, for tests that need a given schema. */
final class ParquetFixtures {
    private ParquetFixtures() {
    }

    /** How a fixture is written: codec, page version, dictionary encoding. */
    record Layout(CompressionCodecName codec, ParquetProperties.WriterVersion pages, boolean dictionary,
                  long rowGroupBytes) {
        Layout(CompressionCodecName codec, ParquetProperties.WriterVersion pages, boolean dictionary) {
            this(codec, pages, dictionary, ParquetWriter.DEFAULT_BLOCK_SIZE);
        }

        static Layout plain() {
            return new Layout(CompressionCodecName.UNCOMPRESSED, ParquetProperties.WriterVersion.PARQUET_1_0, false);
        }
    }

    static Path write(Path file, String schemaText, Layout layout, List<Consumer<Group>> rows) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(layout.codec())
                .withWriterVersion(layout.pages())
                .withDictionaryEncoding(layout.dictionary())
                .withPageRowCountLimit(1000)
                .withRowGroupSize(layout.rowGroupBytes())
                .build()) {
            for (Consumer<Group> row : rows) {
                Group group = groups.newGroup();
                row.accept(group);
                writer.write(group);
            }
        }
        return file;
    }

    static TableReader open(Path file, List<String> columns, BufferAllocator allocator) {
        return new ParquetTableReader(file, file.getFileName().toString(), columns, 65_536, allocator);
    }
}
