package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The date-time tokens (security-model.md §6): every token's value on the days daylight saving time starts and ends,
 * at month and year ends, in the user's zone and in UTC; which zone a context computes them in.
 */
class TimeTokenTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @AfterEach
    void resetTheDefaultZone() {
        SecurityContext.setDefaultZone(null);
        System.clearProperty(SecurityContext.DEFAULT_ZONE_PROPERTY);
    }

    private static String at(TimeToken token, String now) {
        return token.at(ZonedDateTime.parse(now)).toOffsetDateTime().toString();
    }

    /** 2024-03-31 12:00 in Amsterdam: the clocks went from 02:00 CET to 03:00 CEST this morning; a Sunday. */
    @Test
    void everyTokenOnTheDayDaylightSavingTimeStarts() {
        String now = "2024-03-31T12:00:00+02:00[Europe/Amsterdam]";
        Map<TimeToken, String> expected = new LinkedHashMap<>();
        expected.put(TimeToken.CURRENT_DATE_TIME, "2024-03-31T12:00+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_MINUTE, "2024-03-31T12:00+02:00");
        expected.put(TimeToken.END_OF_CURRENT_MINUTE, "2024-03-31T12:01+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_HOUR, "2024-03-31T12:00+02:00");
        expected.put(TimeToken.END_OF_CURRENT_HOUR, "2024-03-31T13:00+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_DAY, "2024-03-31T00:00+01:00");
        expected.put(TimeToken.END_OF_CURRENT_DAY, "2024-04-01T00:00+02:00");
        expected.put(TimeToken.BEGIN_OF_YESTERDAY, "2024-03-30T00:00+01:00");
        expected.put(TimeToken.END_OF_YESTERDAY, "2024-03-31T00:00+01:00");
        expected.put(TimeToken.BEGIN_OF_TOMORROW, "2024-04-01T00:00+02:00");
        expected.put(TimeToken.END_OF_TOMORROW, "2024-04-02T00:00+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_WEEK, "2024-03-25T00:00+01:00");
        expected.put(TimeToken.END_OF_CURRENT_WEEK, "2024-04-01T00:00+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_MONTH, "2024-03-01T00:00+01:00");
        expected.put(TimeToken.END_OF_CURRENT_MONTH, "2024-04-01T00:00+02:00");
        expected.put(TimeToken.BEGIN_OF_CURRENT_YEAR, "2024-01-01T00:00+01:00");
        expected.put(TimeToken.END_OF_CURRENT_YEAR, "2025-01-01T00:00+01:00");
        // the same in UTC, where it is 10:00
        expected.put(TimeToken.BEGIN_OF_CURRENT_MINUTE_UTC, "2024-03-31T10:00Z");
        expected.put(TimeToken.END_OF_CURRENT_MINUTE_UTC, "2024-03-31T10:01Z");
        expected.put(TimeToken.BEGIN_OF_CURRENT_HOUR_UTC, "2024-03-31T10:00Z");
        expected.put(TimeToken.END_OF_CURRENT_HOUR_UTC, "2024-03-31T11:00Z");
        expected.put(TimeToken.BEGIN_OF_CURRENT_DAY_UTC, "2024-03-31T00:00Z");
        expected.put(TimeToken.END_OF_CURRENT_DAY_UTC, "2024-04-01T00:00Z");
        expected.put(TimeToken.BEGIN_OF_YESTERDAY_UTC, "2024-03-30T00:00Z");
        expected.put(TimeToken.END_OF_YESTERDAY_UTC, "2024-03-31T00:00Z");
        expected.put(TimeToken.BEGIN_OF_TOMORROW_UTC, "2024-04-01T00:00Z");
        expected.put(TimeToken.END_OF_TOMORROW_UTC, "2024-04-02T00:00Z");
        expected.put(TimeToken.BEGIN_OF_CURRENT_WEEK_UTC, "2024-03-25T00:00Z");
        expected.put(TimeToken.END_OF_CURRENT_WEEK_UTC, "2024-04-01T00:00Z");
        expected.put(TimeToken.BEGIN_OF_CURRENT_MONTH_UTC, "2024-03-01T00:00Z");
        expected.put(TimeToken.END_OF_CURRENT_MONTH_UTC, "2024-04-01T00:00Z");
        expected.put(TimeToken.BEGIN_OF_CURRENT_YEAR_UTC, "2024-01-01T00:00Z");
        expected.put(TimeToken.END_OF_CURRENT_YEAR_UTC, "2025-01-01T00:00Z");
        assertEquals(Set.of(TimeToken.values()), expected.keySet(), "every token is tested");
        expected.forEach((token, value) -> assertEquals(value, at(token, now), token.tokenName()));
    }

    /** 2024-11-03 01:30 EST in New York, the second 01:30 of the day the clocks went back: 25 hours long. */
    @Test
    void theDayDaylightSavingTimeEnds() {
        String now = "2024-11-03T01:30:00-05:00[America/New_York]";
        assertEquals("2024-11-03T00:00-04:00", at(TimeToken.BEGIN_OF_CURRENT_DAY, now));
        assertEquals("2024-11-04T00:00-05:00", at(TimeToken.END_OF_CURRENT_DAY, now));
        assertEquals("2024-11-03T01:00-05:00", at(TimeToken.BEGIN_OF_CURRENT_HOUR, now), "the second 01:00");
        assertEquals("2024-11-03T02:00-05:00", at(TimeToken.END_OF_CURRENT_HOUR, now));
        assertEquals("2024-11-03T06:00Z", at(TimeToken.BEGIN_OF_CURRENT_HOUR_UTC, now));
        assertEquals("2024-10-28T00:00-04:00", at(TimeToken.BEGIN_OF_CURRENT_WEEK, now), "a Sunday: the week began Monday");
        String first = "2024-11-03T01:30:00-04:00[America/New_York]";
        assertEquals("2024-11-03T01:00-04:00", at(TimeToken.BEGIN_OF_CURRENT_HOUR, first), "the first 01:00");
        assertEquals("2024-11-03T01:00-05:00", at(TimeToken.END_OF_CURRENT_HOUR, first), "an hour later");
    }

    @Test
    void monthAndYearEndsAndTheStartOfTheWeek() {
        String newYearsEve = "2024-12-31T23:59:59.999+01:00[Europe/Amsterdam]";
        assertEquals("2025-01-01T00:00+01:00", at(TimeToken.BEGIN_OF_TOMORROW, newYearsEve));
        assertEquals("2025-01-01T00:00+01:00", at(TimeToken.END_OF_CURRENT_YEAR, newYearsEve));
        assertEquals("2024-12-30T00:00+01:00", at(TimeToken.BEGIN_OF_CURRENT_WEEK, newYearsEve), "a Tuesday");
        assertEquals("2024-12-31T00:00Z", at(TimeToken.BEGIN_OF_CURRENT_DAY_UTC, newYearsEve), "22:59 UTC");
        assertEquals("2025-01-01T00:00Z", at(TimeToken.END_OF_CURRENT_MONTH_UTC, newYearsEve));
        String monday = "2024-04-01T00:00:00+02:00[Europe/Amsterdam]";
        assertEquals("2024-04-01T00:00+02:00", at(TimeToken.BEGIN_OF_CURRENT_WEEK, monday), "Monday begins it");
        assertEquals("2024-03-25T00:00Z", at(TimeToken.BEGIN_OF_CURRENT_WEEK_UTC, monday), "in UTC still Sunday");
        String leap = "2024-02-29T08:00:00Z[UTC]";
        assertEquals("2024-03-01T00:00Z", at(TimeToken.END_OF_CURRENT_DAY, leap));
        assertEquals("2024-03-01T00:00Z", at(TimeToken.BEGIN_OF_TOMORROW_UTC, leap));
    }

    @Test
    void aDayWithoutMidnightBeginsAtItsFirstMoment() {
        // Chile went to summer time at midnight on 2024-09-08: the day began at 01:00.
        String now = "2024-09-08T12:00:00-03:00[America/Santiago]";
        assertEquals("2024-09-08T01:00-03:00", at(TimeToken.BEGIN_OF_CURRENT_DAY, now));
        assertEquals("2024-09-08T01:00-03:00", at(TimeToken.END_OF_YESTERDAY, now));
    }

    @Test
    void namesAreMendixsAndEachTokenIsTheSameAfterARoundTrip() {
        for (TimeToken token : TimeToken.values()) {
            assertEquals(token, TimeToken.named(token.tokenName()));
            assertEquals(token.tokenName().endsWith("UTC"), token.isUtc());
        }
        assertEquals(TimeToken.BEGIN_OF_CURRENT_WEEK_UTC, TimeToken.named("BeginOfCurrentWeekUTC"));
        assertNull(TimeToken.named("BeginOfCurrentWeekUtc"));
        assertNull(TimeToken.named("CurrentDateTimeUTC"));
    }

    // ----------------------------------------------------------------------------------- the context's zone

    private static final ApplicationModel APP = ApplicationModel.builder("App")
            .userRole("Clerk", "Shop.Clerk").anonymousRole("Clerk").build();
    private static final Clock UTC_CLOCK = Clock.fixed(Instant.parse("2024-03-31T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theUsersZoneComesFirstThenTheClocksThenTheApplicationsDefault() {
        SecurityContext inAmsterdam = SecurityContext.of(APP, UserIdentity.of(1L, "Clerk").withZone(AMSTERDAM));
        SecurityContext withoutZone = SecurityContext.of(APP, UserIdentity.of(2L, "Clerk"));
        assertEquals(AMSTERDAM, inAmsterdam.zone());
        assertEquals(AMSTERDAM, inAmsterdam.withClock(UTC_CLOCK).zone(), "the user's zone beats the clock's");
        assertEquals(ZoneOffset.UTC, withoutZone.zone(), "without anything set: UTC");
        assertEquals(NEW_YORK, withoutZone.withClock(Clock.fixed(Instant.EPOCH, NEW_YORK)).zone());
        SecurityContext.setDefaultZone(NEW_YORK);
        assertEquals(NEW_YORK, withoutZone.zone(), "the default zone is read when a token is");
        assertEquals(NEW_YORK, SecurityContext.anonymousOf(APP).zone());
        assertEquals(NEW_YORK, SecurityContext.systemOf(APP).zone());
        assertEquals(AMSTERDAM, inAmsterdam.zone());
        assertEquals(ZoneOffset.UTC, withoutZone.withClock(UTC_CLOCK).zone(), "a clock of a test beats the default");
    }

    @Test
    void theDefaultZoneMayComeFromASystemProperty() {
        System.setProperty(SecurityContext.DEFAULT_ZONE_PROPERTY, "Asia/Kolkata");
        assertEquals(ZoneId.of("Asia/Kolkata"), SecurityContext.defaultZone());
        SecurityContext.setDefaultZone(AMSTERDAM);
        assertEquals(AMSTERDAM, SecurityContext.defaultZone(), "set in code beats the property");
        SecurityContext.setDefaultZone(null);
        System.setProperty(SecurityContext.DEFAULT_ZONE_PROPERTY, "Europe/Amsterdan");
        IllegalStateException typo = assertThrows(IllegalStateException.class, SecurityContext::defaultZone);
        assertTrue(typo.getMessage().contains("warden.timeZone is 'Europe/Amsterdan', which is not a time zone"),
                typo.getMessage());
    }

    @Test
    void theTokenValuesOfAContextAreInItsZone() {
        SecurityContext ctx = SecurityContext.of(APP, UserIdentity.of(1L, "Clerk").withZone(AMSTERDAM))
                .withClock(UTC_CLOCK);
        assertEquals(ZonedDateTime.parse("2024-03-31T12:00:00+02:00[Europe/Amsterdam]"), ctx.now());
        assertEquals(ZonedDateTime.parse("2024-03-31T00:00:00+01:00[Europe/Amsterdam]"), ctx.beginOfCurrentDay());
        assertEquals(ZonedDateTime.parse("2024-04-01T00:00:00+02:00[Europe/Amsterdam]"), ctx.endOfCurrentDay());
        assertEquals(ZonedDateTime.parse("2024-03-25T00:00:00Z"), ctx.dateTime(TimeToken.BEGIN_OF_CURRENT_WEEK_UTC));
        assertTrue(ctx.hasToken("EndOfTomorrowUTC"));
        assertEquals(ZonedDateTime.parse("2024-04-02T00:00:00+02:00[Europe/Amsterdam]"),
                ctx.token("EndOfTomorrow", ZonedDateTime.class));
        assertTrue(!ctx.hasToken("DayLength"), "a period has no value of its own");
    }

    @Test
    void customTokensCannotTakeTheNamesOfTimeOrPeriodTokens() {
        for (String name : new String[] {"BeginOfCurrentWeekUTC", "EndOfYesterday", "DayLength", "YearLength"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ApplicationModel.builder("App").userRole("Clerk").token(name, Long.class), name);
        }
    }
}
