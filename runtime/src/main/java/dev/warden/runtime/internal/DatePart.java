package dev.warden.runtime.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;

/**
 * The date-part functions of the constraint language ({@code year-from-dateTime(member)}, ...), as the generated
 * policies call them: {@code DatePart.YEAR.of(order.getCreated(), context.zone())}. An instant ({@code Instant},
 * {@code OffsetDateTime}, {@code ZonedDateTime}) is taken on the calendar of the user's zone, as the SQL takes
 * {@code column AT TIME ZONE ?}; a {@code LocalDateTime} or {@code LocalDate} as it is, a wall-clock value. The week
 * is the ISO 8601 week of the year (1 to 53, weeks start on Monday, week 1 has the year's first Thursday); the weekday
 * is 1 for Sunday to 7 for Saturday; seconds are whole. The part of an empty (null) member is empty (null). Not part
 * of Warden's API: only generated code calls it.
 */
public enum DatePart {
    /** {@code year-from-dateTime}. */
    YEAR(ChronoField.YEAR),
    /** {@code month-from-dateTime}: 1 to 12. */
    MONTH(ChronoField.MONTH_OF_YEAR),
    /** {@code day-from-dateTime}: the day of the month. */
    DAY(ChronoField.DAY_OF_MONTH),
    /** {@code hours-from-dateTime}: 0 to 23. */
    HOURS(ChronoField.HOUR_OF_DAY),
    /** {@code minutes-from-dateTime}: 0 to 59. */
    MINUTES(ChronoField.MINUTE_OF_HOUR),
    /** {@code seconds-from-dateTime}: 0 to 59, the fraction dropped. */
    SECONDS(ChronoField.SECOND_OF_MINUTE),
    /** {@code quarter-from-dateTime}: 1 to 4. */
    QUARTER(IsoFields.QUARTER_OF_YEAR),
    /** {@code week-from-dateTime}: the ISO 8601 week, 1 to 53. */
    WEEK(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
    /** {@code weekday-from-dateTime}: 1 (Sunday) to 7 (Saturday). */
    WEEKDAY(ChronoField.DAY_OF_WEEK),
    /** {@code day-of-year-from-dateTime}: 1 to 366. */
    DAY_OF_YEAR(ChronoField.DAY_OF_YEAR);

    private final TemporalField field;

    DatePart(TemporalField field) {
        this.field = field;
    }

    /**
     * The part of an instant, on the calendar of a zone.
     *
     * @param value the member's value, or null
     * @param zone the user's zone
     * @return the part, or null for null
     */
    public Integer of(Instant value, ZoneId zone) {
        return value == null ? null : part(value.atZone(zone));
    }

    /**
     * The part of an offset date-time, as the instant it is, on the calendar of a zone.
     *
     * @param value the member's value, or null
     * @param zone the user's zone
     * @return the part, or null for null
     */
    public Integer of(OffsetDateTime value, ZoneId zone) {
        return value == null ? null : part(value.atZoneSameInstant(zone));
    }

    /**
     * The part of a zoned date-time, as the instant it is, on the calendar of a zone.
     *
     * @param value the member's value, or null
     * @param zone the user's zone
     * @return the part, or null for null
     */
    public Integer of(ZonedDateTime value, ZoneId zone) {
        return value == null ? null : part(value.withZoneSameInstant(zone));
    }

    /**
     * The part of a wall-clock date and time, as it is.
     *
     * @param value the member's value, or null
     * @return the part, or null for null
     */
    public Integer of(LocalDateTime value) {
        return value == null ? null : part(value);
    }

    /**
     * The part of a date, as it is; a date has no hours, minutes or seconds (the processor does not ask for them).
     *
     * @param value the member's value, or null
     * @return the part, or null for null
     */
    public Integer of(LocalDate value) {
        return value == null ? null : part(value);
    }

    private int part(TemporalAccessor time) {
        int value = time.get(field);
        return this == WEEKDAY ? value % 7 + 1 : value;
    }
}
