package dev.warden.runtime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The date-time tokens of constraints, as Mendix names them: {@code [%CurrentDateTime%]}, and {@code BeginOf} and
 * {@code EndOf} the current minute, hour, day, week (Monday to Monday, as ISO 8601 counts weeks), month and year, and
 * of yesterday and tomorrow, each also with the suffix {@code UTC}. As in Mendix, the end of a period is the start of
 * the next one, so "today" is {@code >= [%BeginOfCurrentDay%] and < [%EndOfCurrentDay%]}.
 *
 * <p>Without {@code UTC} a token is computed on the calendar of the user's time zone ({@link SecurityContext#zone()}),
 * so a day is the user's day, 23 or 25 hours long when daylight saving time starts or ends in it; with {@code UTC}, on
 * the calendar of UTC. {@link SecurityContext#dateTime(TimeToken)} gives a token's value; generated policies and
 * query filters take it from there.
 */
public enum TimeToken {
    CURRENT_DATE_TIME("CurrentDateTime", Period.NOW, false, false),
    BEGIN_OF_CURRENT_MINUTE("BeginOfCurrentMinute", Period.MINUTE, false, false),
    BEGIN_OF_CURRENT_MINUTE_UTC("BeginOfCurrentMinuteUTC", Period.MINUTE, false, true),
    END_OF_CURRENT_MINUTE("EndOfCurrentMinute", Period.MINUTE, true, false),
    END_OF_CURRENT_MINUTE_UTC("EndOfCurrentMinuteUTC", Period.MINUTE, true, true),
    BEGIN_OF_CURRENT_HOUR("BeginOfCurrentHour", Period.HOUR, false, false),
    BEGIN_OF_CURRENT_HOUR_UTC("BeginOfCurrentHourUTC", Period.HOUR, false, true),
    END_OF_CURRENT_HOUR("EndOfCurrentHour", Period.HOUR, true, false),
    END_OF_CURRENT_HOUR_UTC("EndOfCurrentHourUTC", Period.HOUR, true, true),
    BEGIN_OF_CURRENT_DAY("BeginOfCurrentDay", Period.DAY, false, false),
    BEGIN_OF_CURRENT_DAY_UTC("BeginOfCurrentDayUTC", Period.DAY, false, true),
    END_OF_CURRENT_DAY("EndOfCurrentDay", Period.DAY, true, false),
    END_OF_CURRENT_DAY_UTC("EndOfCurrentDayUTC", Period.DAY, true, true),
    BEGIN_OF_YESTERDAY("BeginOfYesterday", Period.YESTERDAY, false, false),
    BEGIN_OF_YESTERDAY_UTC("BeginOfYesterdayUTC", Period.YESTERDAY, false, true),
    END_OF_YESTERDAY("EndOfYesterday", Period.YESTERDAY, true, false),
    END_OF_YESTERDAY_UTC("EndOfYesterdayUTC", Period.YESTERDAY, true, true),
    BEGIN_OF_TOMORROW("BeginOfTomorrow", Period.TOMORROW, false, false),
    BEGIN_OF_TOMORROW_UTC("BeginOfTomorrowUTC", Period.TOMORROW, false, true),
    END_OF_TOMORROW("EndOfTomorrow", Period.TOMORROW, true, false),
    END_OF_TOMORROW_UTC("EndOfTomorrowUTC", Period.TOMORROW, true, true),
    BEGIN_OF_CURRENT_WEEK("BeginOfCurrentWeek", Period.WEEK, false, false),
    BEGIN_OF_CURRENT_WEEK_UTC("BeginOfCurrentWeekUTC", Period.WEEK, false, true),
    END_OF_CURRENT_WEEK("EndOfCurrentWeek", Period.WEEK, true, false),
    END_OF_CURRENT_WEEK_UTC("EndOfCurrentWeekUTC", Period.WEEK, true, true),
    BEGIN_OF_CURRENT_MONTH("BeginOfCurrentMonth", Period.MONTH, false, false),
    BEGIN_OF_CURRENT_MONTH_UTC("BeginOfCurrentMonthUTC", Period.MONTH, false, true),
    END_OF_CURRENT_MONTH("EndOfCurrentMonth", Period.MONTH, true, false),
    END_OF_CURRENT_MONTH_UTC("EndOfCurrentMonthUTC", Period.MONTH, true, true),
    BEGIN_OF_CURRENT_YEAR("BeginOfCurrentYear", Period.YEAR, false, false),
    BEGIN_OF_CURRENT_YEAR_UTC("BeginOfCurrentYearUTC", Period.YEAR, false, true),
    END_OF_CURRENT_YEAR("EndOfCurrentYear", Period.YEAR, true, false),
    END_OF_CURRENT_YEAR_UTC("EndOfCurrentYearUTC", Period.YEAR, true, true);

    /** The period a token begins or ends. */
    private enum Period { NOW, MINUTE, HOUR, DAY, YESTERDAY, TOMORROW, WEEK, MONTH, YEAR }

    private final String tokenName;
    private final Period period;
    private final boolean end;
    private final boolean utc;

    TimeToken(String tokenName, Period period, boolean end, boolean utc) {
        this.tokenName = tokenName;
        this.period = period;
        this.end = end;
        this.utc = utc;
    }

    /**
     * The name constraints use for the token, without {@code [% %]}.
     *
     * @return for example {@code "BeginOfCurrentWeekUTC"}
     */
    public String tokenName() {
        return tokenName;
    }

    /**
     * Whether the token is computed in UTC rather than in the user's zone.
     *
     * @return true for the tokens whose name ends with {@code UTC}
     */
    public boolean isUtc() {
        return utc;
    }

    /**
     * The token with this name.
     *
     * @param tokenName the name without {@code [% %]}, for example {@code "EndOfCurrentMonth"}
     * @return the token, or null when no date-time token has that name
     */
    public static TimeToken named(String tokenName) {
        for (TimeToken token : values()) {
            if (token.tokenName.equals(tokenName)) {
                return token;
            }
        }
        return null;
    }

    /**
     * The token's value at a moment.
     *
     * @param now the moment, in the user's zone (the zone a token without {@code UTC} is computed in)
     * @return the value, in the user's zone or, for a {@code UTC} token, in UTC
     */
    public ZonedDateTime at(ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        ZoneId zone = utc ? ZoneOffset.UTC : now.getZone();
        ZonedDateTime time = now.withZoneSameInstant(zone);
        if (period == Period.NOW) {
            return time;
        }
        if (period == Period.MINUTE || period == Period.HOUR) {
            ChronoUnit unit = period == Period.MINUTE ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
            ZonedDateTime begin = time.truncatedTo(unit);
            return end ? begin.plus(1, unit) : begin;
        }
        LocalDate today = time.toLocalDate();
        LocalDate begin;
        LocalDate next;
        switch (period) {
            case DAY:
                begin = today;
                next = today.plusDays(1);
                break;
            case YESTERDAY:
                begin = today.minusDays(1);
                next = today;
                break;
            case TOMORROW:
                begin = today.plusDays(1);
                next = today.plusDays(2);
                break;
            case WEEK:
                begin = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                next = begin.plusWeeks(1);
                break;
            case MONTH:
                begin = today.withDayOfMonth(1);
                next = begin.plusMonths(1);
                break;
            default:
                begin = today.withDayOfYear(1);
                next = begin.plusYears(1);
                break;
        }
        // atStartOfDay: the first moment of the day, also where daylight saving time skips midnight
        return (end ? next : begin).atStartOfDay(zone);
    }
}
