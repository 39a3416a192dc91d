package dev.charton.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.charton.batch.BatchSpecReader;
import dev.charton.fuzz.FuzzTargets;
import dev.charton.fuzz.FuzzedRead;
import dev.charton.fuzz.ReadClock;
import dev.charton.error.ChartonException;

import java.util.List;

/**
 * Any bytes as a batch spec (YAML or JSON), read and checked as {@code charton batch} does before it
 * runs anything. Its seeds are hand-written (BatchSpecFuzzTestInputs): the corpora hold no specs. A
 * spec may list every problem it has, one per line, so a refusal may have several lines.
 */
class BatchSpecFuzzTest {
    private final BatchSpecReader reader = BatchCommand.specReader(List.of());

    @FuzzTest(maxDuration = FuzzTargets.DURATION)
    void readsOrRefuses(byte[] input) {
        ReadClock clock = ReadClock.start();
        try {
            reader.read(FuzzedRead.write(input));
        } catch (ChartonException refusal) {
            FuzzedRead.checkRefusal(refusal, Long.MAX_VALUE);
        }
        FuzzedRead.checkTime(clock);
    }
}
