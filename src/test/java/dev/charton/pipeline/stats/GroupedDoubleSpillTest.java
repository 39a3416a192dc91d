package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupedDoubleSpillTest {
    @Test
    void everyGroupReadsBackItsOwnValuesInOrderAfterSpilling() throws IOException {
        Random random = new Random(9);
        int groupCount = 2000;
        List<List<Double>> expected = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            expected.add(new ArrayList<>());
        }
        try (GroupedDoubleSpill spill = new GroupedDoubleSpill(5000)) {
            for (int i = 0; i < 300_000; i++) {
                // Skewed group sizes: a few groups hold most values.
                int group = (int) (groupCount * Math.pow(random.nextDouble(), 4));
                double value = random.nextGaussian();
                spill.add(group, value);
                expected.get(group).add(value);
            }
            assertTrue(spill.spilled());
            assertEquals(groupCount, spill.groups());
            for (int g = 0; g < groupCount; g++) {
                double[] values = expected.get(g).stream().mapToDouble(Double::doubleValue).toArray();
                DoubleSource group = spill.group(g);
                assertEquals(values.length, group.count());
                List<double[]> blocks = new ArrayList<>();
                group.forEachBlock((block, length) -> blocks.add(java.util.Arrays.copyOf(block, length)));
                assertArrayEquals(values, blocks.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), "group " + g);
            }
        }
    }

    @Test
    void aGroupsBoxIsTheBoxOfItsValues() throws IOException {
        Random random = new Random(10);
        try (GroupedDoubleSpill spill = new GroupedDoubleSpill(1000);
             DoubleSpill alone = new DoubleSpill(1000)) {
            for (int i = 0; i < 100_000; i++) {
                double value = Math.exp(random.nextGaussian());
                int group = random.nextInt(3);
                spill.add(group, value);
                if (group == 1) {
                    alone.add(value);
                }
            }
            assertEquals(BoxStats.of(alone, null), BoxStats.of(spill.group(1), null));
        }
    }

    @Test
    void allGroupsTogetherHaveTheEdgesOfAllValues() throws IOException {
        Random random = new Random(12);
        try (GroupedDoubleSpill spill = new GroupedDoubleSpill(1000);
             DoubleSpill alone = new DoubleSpill(1000)) {
            for (int i = 0; i < 50_000; i++) {
                double value = random.nextGaussian() * (1 + i % 7);
                spill.add(i % 7, value);
                alone.add(value);
            }
            assertEquals(alone.count(), spill.all().count());
            assertArrayEquals(HistogramBins.of(alone, null).edges(), HistogramBins.of(spill.all(), null).edges());
        }
    }
}
