package dev.charton.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The range of an axis as {@code --xlim MIN,MAX} or {@code --ylim MIN,MAX} give it: two numbers, or
 * two ISO dates or date-times (wall-clock times of the column's zone). Reaches Python as a JSON pair.
 */
public record AxisLimits(String option, String low, String high, boolean temporal) {

    /** The limits {@code text} gives, or null for none; exit 64 when they are not two numbers or two times in order. */
    public static AxisLimits parse(String option, String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw usage(option, text, "expected MIN,MAX");
        }
        String low = parts[0].strip();
        String high = parts[1].strip();
        Double lowNumber = number(low);
        Double highNumber = number(high);
        if (lowNumber != null && highNumber != null) {
            if (!(lowNumber < highNumber)) {
                throw usage(option, text, "MIN must be less than MAX");
            }
            return new AxisLimits(option, low, high, false);
        }
        LocalDateTime lowTime = time(low);
        LocalDateTime highTime = time(high);
        if (lowTime == null || highTime == null) {
            throw usage(option, text, "expected two numbers or two dates (2024-01-31 or 2024-01-31T12:00)");
        }
        if (!lowTime.isBefore(highTime)) {
            throw usage(option, text, "MIN must be before MAX");
        }
        return new AxisLimits(option, low, high, true);
    }

    /** The pair as Python reads it: numbers, or ISO texts. */
    @JsonValue
    public List<Object> pair() {
        return temporal ? List.of(low, high) : List.of(Double.parseDouble(low), Double.parseDouble(high));
    }

    /**
     * The limits in the units Arrow stores a column of {@code type} in (days, or microseconds since
     * the epoch, ...), to compare its raw values with; null when the column is neither numbers nor times.
     */
    double[] inUnitsOf(ArrowType type) {
        if (!temporal) {
            return new double[] {Double.parseDouble(low), Double.parseDouble(high)};
        }
        double perSecond;
        String zone = null;
        if (type instanceof ArrowType.Date date) {
            perSecond = date.getUnit() == DateUnit.DAY ? 1.0 / 86_400 : 1e3;
        } else if (type instanceof ArrowType.Timestamp timestamp) {
            perSecond = switch (timestamp.getUnit()) {
                case SECOND -> 1;
                case MILLISECOND -> 1e3;
                case MICROSECOND -> 1e6;
                case NANOSECOND -> 1e9;
            };
            zone = timestamp.getTimezone();
        } else {
            return null;
        }
        return new double[] {epochSeconds(low, zone) * perSecond, epochSeconds(high, zone) * perSecond};
    }

    /** Seconds since the epoch of a wall-clock time of {@code zone} (null: UTC). */
    private static double epochSeconds(String text, String zone) {
        return time(text).atZone(zone == null ? ZoneOffset.UTC : ZoneId.of(zone)).toEpochSecond();
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDateTime time(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ChartonException usage(String option, String text, String expected) {
        return new ChartonException(ExitCode.USAGE, option + " '" + text + "': " + expected);
    }
}
