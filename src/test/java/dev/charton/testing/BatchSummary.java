package dev.charton.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** What charton batch reported for each chart, read from the summary table it prints on stderr. */
public final class BatchSummary {
    private BatchSummary() {
    }

    /** Chart name to status, from the summary table on stderr. */
    public static Map<String, String> statuses(Charton.Result r) {
        Map<String, String> statuses = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : r.stderr().lines().toList()) {
            if (line.matches("chart +status +time +output")) {
                inTable = true;
            } else if (line.startsWith("batch: ")) {
                inTable = false;
            } else if (inTable) {
                String[] cells = line.split(" {2,}");
                statuses.put(cells[0], cells[1]);
            }
        }
        assertFalse(statuses.isEmpty(), "no summary in " + r.stderr());
        return statuses;
    }

}
