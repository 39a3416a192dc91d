package dev.charton.input.sql;

import org.apache.arrow.adapter.jdbc.consumer.BaseConsumer;
import org.apache.arrow.vector.TimeStampVector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * A timestamp column into microseconds since the epoch. Read through a UTC calendar, a timestamp
 * with a zone keeps its instant (its Arrow column says UTC) and one without keeps its wall clock,
 * whatever the JVM's zone; Arrow's own timestamp consumers keep milliseconds only.
 */
final class UtcTimestampConsumer extends BaseConsumer<TimeStampVector> {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    UtcTimestampConsumer(TimeStampVector vector, int columnIndexInResultSet) {
        super(vector, columnIndexInResultSet);
    }

    @Override
    public void consume(ResultSet resultSet) throws SQLException {
        Timestamp timestamp = resultSet.getTimestamp(columnIndexInResultSet, utc);
        if (timestamp != null) {
            long seconds = Math.floorDiv(timestamp.getTime(), 1000L);
            vector.setSafe(currentIndex, seconds * MICROS_PER_SECOND + timestamp.getNanos() / 1000);
        }
        currentIndex++;
    }
}
