package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * A random table with every kind of column the reductions meet: an unsorted timestamp with a zone,
 * floats (a random walk and noise, with nulls), a small integer with repeats, a plain text group and
 * a dictionary-encoded category whose declared order is not sorted, both with nulls.
 */
final class RandomTable implements AutoCloseable {
    static final String[] CATEGORIES = {"zulu", "alpha", "mike"};
    private static final String[] GROUPS = {"north", "south", "east"};

    final VectorSchemaRoot root;
    final DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();

    RandomTable(int rows, long seed, BufferAllocator allocator) {
        Random random = new Random(seed);
        TimeStampMicroTZVector ts = new TimeStampMicroTZVector("ts", allocator, "Europe/Paris");
        Float8Vector walk = new Float8Vector("walk", allocator);
        Float8Vector noise = new Float8Vector("noise", allocator);
        BigIntVector k = new BigIntVector("k", allocator);
        VarCharVector group = new VarCharVector("group", allocator);
        DictionaryEncoding encoding = new DictionaryEncoding(1, false, new ArrowType.Int(32, true));
        IntVector category = new IntVector("category", new FieldType(true, new ArrowType.Int(32, true), encoding),
                allocator);
        VarCharVector categories = new VarCharVector("categories", allocator);
        for (int i = 0; i < CATEGORIES.length; i++) {
            categories.setSafe(i, CATEGORIES[i].getBytes(StandardCharsets.UTF_8));
        }
        categories.setValueCount(CATEGORIES.length);
        dictionaries.put(new Dictionary(categories, encoding));
        double value = 0;
        long start = 1_700_000_000_000_000L;
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(500) != 0) {
                ts.setSafe(i, start + (long) (random.nextDouble() * 365L * 86_400_000_000L));
            }
            value += random.nextGaussian();
            if (random.nextInt(200) != 0) {
                walk.setSafe(i, value);
            }
            if (random.nextInt(300) != 0) {
                noise.setSafe(i, random.nextGaussian() * 10);
            }
            k.setSafe(i, random.nextInt(2000));
            if (random.nextInt(100) != 0) {
                group.setSafe(i, GROUPS[random.nextInt(GROUPS.length)].getBytes(StandardCharsets.UTF_8));
            }
            if (random.nextInt(100) != 0) {
                category.setSafe(i, random.nextInt(CATEGORIES.length));
            }
        }
        root = TestTables.root(rows, ts, walk, noise, k, group, category);
    }

    void write(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             ArrowFileWriter writer = new ArrowFileWriter(root, dictionaries, channel)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
    }

    @Override
    public void close() {
        root.close();
        dictionaries.lookup(1).getVector().close();
    }
}
