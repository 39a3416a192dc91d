package dev.charton.pipeline.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Doubles of many groups (say a box per x value, series and panel) kept for their statistics'
 * passes in bounded memory: all groups share one in-memory budget; when it is full, every group's
 * buffered values go to one private temporary file as a chunk of that group, so reading a group
 * back reads its chunks only. Values must be finite.
 */
public final class GroupedDoubleSpill implements AutoCloseable {
    private final int memoryValues;
    private final List<Group> groups = new ArrayList<>();
    private int buffered;
    private SpillFile file;

    public GroupedDoubleSpill() {
        this(DoubleSpill.DEFAULT_MEMORY_VALUES);
    }

    /** @param memoryValues how many values, all groups together, stay in memory before spilling */
    public GroupedDoubleSpill(int memoryValues) {
        if (memoryValues < 1) {
            throw new IllegalArgumentException("memoryValues must be positive: " + memoryValues);
        }
        this.memoryValues = memoryValues;
    }

    /** Adds a value to group {@code group} (0, 1, 2, ...: the caller numbers its groups). */
    public void add(int group, double value) throws IOException {
        if (buffered == memoryValues) {
            spill();
        }
        while (groups.size() <= group) {
            groups.add(new Group());
        }
        groups.get(group).add(value);
        buffered++;
    }

    /** The number of groups: one more than the highest group added to. */
    public int groups() {
        return groups.size();
    }

    /** The values of one group (none for a group never added to). */
    public DoubleSource group(int group) {
        return group < groups.size() ? groups.get(group) : new Group();
    }

    /** Every group's values together (for a histogram's edges, which every series shares). */
    public DoubleSource all() {
        return new DoubleSource() {
            @Override
            public long count() {
                return groups.stream().mapToLong(Group::count).sum();
            }

            @Override
            public double min() {
                return groups.stream().mapToDouble(Group::min).min().orElse(Double.POSITIVE_INFINITY);
            }

            @Override
            public double max() {
                return groups.stream().mapToDouble(Group::max).max().orElse(Double.NEGATIVE_INFINITY);
            }

            @Override
            public void forEachBlock(BlockConsumer consumer) throws IOException {
                for (Group group : groups) {
                    group.forEachBlock(consumer);
                }
            }
        };
    }

    /** Whether some values are in the temporary file (for tests of the spill path). */
    public boolean spilled() {
        return file != null;
    }

    private void spill() throws IOException {
        if (file == null) {
            file = new SpillFile();
        }
        for (Group group : groups) {
            group.spill();
        }
        buffered = 0;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    private final class Group extends CountedValues {
        private double[] memory = new double[8];
        private int size;
        private long[] chunkStarts = new long[0];
        private int[] chunkLengths = new int[0];

        void add(double value) {
            count(value);
            if (size == memory.length) {
                memory = Arrays.copyOf(memory, size * 2);
            }
            memory[size++] = value;
        }

        void spill() throws IOException {
            if (size == 0) {
                return;
            }
            int chunks = chunkStarts.length;
            chunkStarts = Arrays.copyOf(chunkStarts, chunks + 1);
            chunkLengths = Arrays.copyOf(chunkLengths, chunks + 1);
            chunkStarts[chunks] = file.append(memory, size);
            chunkLengths[chunks] = size;
            size = 0;
            // The budget is shared: a group that held many values gives its room back.
            memory = new double[8];
        }

        @Override
        public void forEachBlock(BlockConsumer consumer) throws IOException {
            for (int i = 0; i < chunkStarts.length; i++) {
                file.read(chunkStarts[i], chunkLengths[i], consumer);
            }
            if (size > 0) {
                consumer.accept(memory, size);
            }
        }
    }
}
