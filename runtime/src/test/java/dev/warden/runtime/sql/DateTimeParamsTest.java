package dev.warden.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.TimeToken;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.internal.DatePart;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameters of date-time tokens with date arithmetic and of the user's zone, as the generated tables use them;
 * the zone as each dialect binds it; the date parts the generated policies compute.
 */
class DateTimeParamsTest {

    private static final ApplicationModel APP = ApplicationModel.builder("App").userRole("Clerk", "Shop.Clerk").build();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** 2024-03-31 10:00 UTC, noon in Amsterdam on the day summer time starts. */
    private static final SecurityContext CTX = SecurityContext.of(APP, UserIdentity.of(1L, "Clerk").withZone(AMSTERDAM))
            .withClock(Clock.fixed(Instant.parse("2024-03-31T10:00:00Z"), ZoneOffset.UTC));

    private static List<Object> values(SqlParam... params) {
        SqlTemplate template = SqlTemplate.of(String.join(" AND ", java.util.Collections.nCopies(params.length,
                "{a}.x = ?")), params);
        return template.render("t", CTX, Dialect.h2()).orElseThrow().values();
    }

    @Test
    void periodsAreAddedOnTheCalendarOfTheTokensZone() {
        SqlParam nextDay = SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(1, ChronoUnit.DAYS);
        SqlParam dayLater = SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(24, ChronoUnit.HOURS);
        SqlParam monthBack = SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, LocalDate.class).plus(-1, ChronoUnit.MONTHS);
        SqlParam utcDay = SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY_UTC, LocalDateTime.class)
                .plus(1, ChronoUnit.DAYS).plus(-90, ChronoUnit.SECONDS);
        assertEquals(List.of(OffsetDateTime.parse("2024-04-01T00:00+02:00"), OffsetDateTime.parse("2024-04-01T01:00+02:00"),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 3, 31, 23, 58, 30)),
                values(nextDay, dayLater, monthBack, utcDay));
    }

    @Test
    void theZoneIsTheContextsAndEachDialectNamesItForAtTimeZone() {
        assertEquals(List.of(AMSTERDAM), values(SqlParam.zone()));
        assertEquals("Europe/Amsterdam", Dialect.postgreSql().timeZoneName(AMSTERDAM));
        assertEquals("Europe/Amsterdam", Dialect.h2().timeZoneName(AMSTERDAM));
        // PostgreSQL reads '+05:30' as 5:30 west of Greenwich
        assertEquals("-05:30", Dialect.postgreSql().timeZoneName(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("+05:30", Dialect.h2().timeZoneName(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("-02:00", Dialect.postgreSql().timeZoneName(ZoneId.of("Etc/GMT-2")),
                "a region of a fixed offset (Etc/GMT-2 is UTC+2, POSIX-style) is that offset");
        assertEquals("-02:00", Dialect.postgreSql().timeZoneName(ZoneId.of("GMT+2")), "GMT+2 is a fixed offset");
        assertEquals("UTC", Dialect.postgreSql().timeZoneName(ZoneOffset.UTC));
        assertEquals("UTC", Dialect.postgreSql().timeZoneName(ZoneId.of("UTC")));
        assertEquals(java.sql.Types.VARCHAR, Dialect.h2().sqlType(ZoneId.class));
        assertEquals(java.sql.Types.VARCHAR, Dialect.postgreSql().sqlType(ZoneOffset.class));
    }

    @Test
    void onlyADateTimeTokenTakesPeriodsOfSecondsToYears() {
        assertThrows(IllegalStateException.class, () -> SqlParam.zone().plus(1, ChronoUnit.DAYS));
        assertThrows(IllegalArgumentException.class,
                () -> SqlParam.dateTime(TimeToken.CURRENT_DATE_TIME, Instant.class).plus(1, ChronoUnit.MILLIS));
        assertThrows(IllegalArgumentException.class,
                () -> SqlParam.dateTime(TimeToken.CURRENT_DATE_TIME, Instant.class).plus(1, ChronoUnit.DECADES));
        assertThrows(IllegalArgumentException.class, () -> SqlParam.dateTime(TimeToken.CURRENT_DATE_TIME, String.class));
        assertThrows(NullPointerException.class, () -> SqlParam.dateTime(null, Instant.class));
    }

    @Test
    void equalityAndTextIncludeTheTokenAndThePeriods() {
        SqlParam a = SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(-3, ChronoUnit.DAYS);
        assertEquals(a, SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(-3, ChronoUnit.DAYS));
        assertEquals(a.hashCode(), SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class)
                .plus(-3, ChronoUnit.DAYS).hashCode());
        assertNotEquals(a, SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY_UTC, Instant.class).plus(-3, ChronoUnit.DAYS));
        assertNotEquals(a, SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class).plus(3, ChronoUnit.DAYS));
        assertNotEquals(a, SqlParam.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY, Instant.class));
        assertEquals("[%BeginOfCurrentDay%] - 3 Days Instant", a.toString());
        assertEquals("zone", SqlParam.zone().toString());
        assertEquals(SqlParam.Kind.DATE_TIME, a.kind());
        assertEquals(Instant.class, a.javaType());
    }

    @Test
    void datePartsOfInstantsAreTakenInTheZoneAndOfLocalValuesAsTheyAre() {
        Instant lateSaturday = Instant.parse("2024-03-30T23:30:00Z"); // Sunday 00:30 in Amsterdam
        assertEquals(31, DatePart.DAY.of(lateSaturday, AMSTERDAM));
        assertEquals(30, DatePart.DAY.of(lateSaturday, ZoneOffset.UTC));
        assertEquals(1, DatePart.WEEKDAY.of(lateSaturday, AMSTERDAM), "Sunday is 1");
        assertEquals(7, DatePart.WEEKDAY.of(lateSaturday, ZoneOffset.UTC), "Saturday is 7");
        assertEquals(0, DatePart.HOURS.of(lateSaturday.atOffset(ZoneOffset.ofHours(5)), AMSTERDAM));
        assertEquals(0, DatePart.HOURS.of(lateSaturday.atZone(ZoneId.of("Asia/Tokyo")), AMSTERDAM));
        assertEquals(1, DatePart.WEEK.of(LocalDate.of(2024, 12, 30)), "ISO week 1 of 2025");
        assertEquals(53, DatePart.WEEK.of(LocalDate.of(2021, 1, 3)), "ISO week 53 of 2020");
        assertEquals(4, DatePart.QUARTER.of(LocalDateTime.of(2024, 10, 1, 0, 0)));
        assertEquals(366, DatePart.DAY_OF_YEAR.of(LocalDate.of(2024, 12, 31)));
        assertEquals(59, DatePart.SECONDS.of(LocalDateTime.of(2024, 1, 1, 0, 0, 59, 999_999_999)), "whole seconds");
        assertEquals(2024, DatePart.YEAR.of(ZonedDateTime.parse("2024-12-31T23:00:00Z[UTC]"), ZoneOffset.UTC));
        assertEquals(2025, DatePart.YEAR.of(ZonedDateTime.parse("2024-12-31T23:00:00Z[UTC]"), AMSTERDAM));
        assertEquals(30, DatePart.MINUTES.of(Instant.parse("2024-03-30T23:00:00Z"), ZoneId.of("Asia/Kolkata")),
                "04:30 in Kolkata");
        assertEquals(3, DatePart.MONTH.of(LocalDate.of(2024, 3, 1)));
        assertEquals(null, DatePart.YEAR.of((Instant) null, AMSTERDAM));
        assertEquals(null, DatePart.YEAR.of((LocalDate) null));
        assertEquals(null, DatePart.YEAR.of((LocalDateTime) null));
        assertEquals(null, DatePart.YEAR.of((OffsetDateTime) null, AMSTERDAM));
        assertEquals(null, DatePart.YEAR.of((ZonedDateTime) null, AMSTERDAM));
    }
}
