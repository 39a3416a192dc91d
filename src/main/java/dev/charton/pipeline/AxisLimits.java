package dev.charton.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The range of an axis as {@code --xlim MIN,MAX} or {@code --ylim MIN,MAX} give it: two numbers, two
 * ISO dates or date-times (wall-clock times of the column's zone), or two times of day ({@code 08:00},
 * {@code 23:59:30.5}, {@code 24:00}: {@code timeOfDay}). Reaches Python as a JSON pair.
 */
public record AxisLimits(String option, String low, String high, boolean temporal, boolean timeOfDay) {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

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
            return new AxisLimits(option, low, high, false, false);
        }
        Long lowClock = nanosOfDay(low);
        Long highClock = nanosOfDay(high);
        if (lowClock != null && highClock != null) {
            if (lowClock >= highClock) {
                throw usage(option, text, "MIN must be before MAX");
            }
            return new AxisLimits(option, low, high, true, true);
        }
        LocalDateTime lowTime = time(low);
        LocalDateTime highTime = time(high);
        if (lowTime == null || highTime == null) {
            throw usage(option, text, "expected two numbers, two dates (2024-01-31 or 2024-01-31T12:00)"
                    + " or two times of day (08:00 or 23:59:30)");
        }
        if (!lowTime.isBefore(highTime)) {
            throw usage(option, text, "MIN must be before MAX");
        }
        return new AxisLimits(option, low, high, true, false);
    }

    /**
     * The pair as Python reads it: numbers, or ISO texts; times of day as date-times on 1970-01-01,
     * the day Python draws them on (chartonpy/clock.py).
     */
    @JsonValue
    public List<Object> pair() {
        if (timeOfDay) {
            return List.of(onEpochDay(low), onEpochDay(high));
        }
        return temporal ? List.of(low, high) : List.of(Double.parseDouble(low), Double.parseDouble(high));
    }

    private static String onEpochDay(String clock) {
        return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plusNanos(nanosOfDay(clock)).toString();
    }

    /**
     * The limits in the units Arrow stores a column of {@code type} in (days, or microseconds since
     * the epoch, ...), to compare its raw values with; null when the column is neither numbers nor times.
     */
    double[] inUnitsOf(ArrowType type) {
        if (!temporal) {
            return new double[] {Double.parseDouble(low), Double.parseDouble(high)};
        }
        if (timeOfDay != type instanceof ArrowType.Time) {
            return null;
        }
        if (type instanceof ArrowType.Time time) {
            double perNano = switch (time.getUnit()) {
                case SECOND -> 1e-9;
                case MILLISECOND -> 1e-6;
                case MICROSECOND -> 1e-3;
                case NANOSECOND -> 1;
            };
            return new double[] {nanosOfDay(low) * perNano, nanosOfDay(high) * perNano};
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

    /** Nanoseconds since midnight of a time of day ({@code 24:00} is the day's end), or null for other text. */
    private static Long nanosOfDay(String text) {
        if (text.equals("24:00") || text.equals("24:00:00")) {
            return NANOS_PER_DAY;
        }
        try {
            return LocalTime.parse(text).toNanoOfDay();
        } catch (DateTimeParseException e) {
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
