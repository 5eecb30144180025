package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token in a constraint stands for, once the checker has resolved its name.
 *
 * @param kind     which kind of token
 * @param name     the role name for {@link Kind#USER_ROLE} ({@code Manager} in {@code [%UserRole_Manager%]}), the
 *                 token name for all others ({@code BeginOfCurrentWeekUTC}, {@code DayLength}, {@code Tenant})
 * @param custom   the declaration of a {@link Kind#CUSTOM} token, else null
 */
public record TokenMeaning(Kind kind, String name, TokenShape custom) {

    /** The kinds of token Warden knows. */
    public enum Kind {
        /** {@code [%CurrentUser%]}: the current user's id. */
        CURRENT_USER("CurrentUser"),
        /**
         * A date-time token ({@link #TIME_TOKEN_NAMES}): {@code [%CurrentDateTime%]}, {@code [%BeginOfCurrentDay%]},
         * {@code [%EndOfCurrentMonthUTC%]}, ...
         */
        DATE_TIME(null),
        /**
         * A period ({@link Period}), {@code [%DayLength%]}, ...: only in date arithmetic,
         * {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'}.
         */
        PERIOD(null),
        /** {@code [%UserRole_Name%]}: true when the current user has user role Name. */
        USER_ROLE(null),
        /** A token declared in {@code @AppSecurity(tokens)}. */
        CUSTOM(null);

        private final String tokenName;

        Kind(String tokenName) {
            this.tokenName = tokenName;
        }

        /** The fixed name of the token of this kind; only {@code CurrentUser} has one, the others null. */
        public String tokenName() {
            return tokenName;
        }
    }

    /**
     * A period of date arithmetic and how Java adds it to a {@code ZonedDateTime}: days, weeks, months and years on the
     * calendar of the token's zone, hours, minutes and seconds on the clock.
     */
    public enum Period {
        SECOND("SecondLength", "Seconds", 1L),
        MINUTE("MinuteLength", "Minutes", 60L),
        HOUR("HourLength", "Hours", 3_600L),
        DAY("DayLength", "Days", 86_400L),
        WEEK("WeekLength", "Weeks", 604_800L),
        MONTH("MonthLength", "Months", 2_629_746L),
        YEAR("YearLength", "Years", 31_556_952L);

        private final String tokenName;
        private final String unit;
        private final long seconds;

        Period(String tokenName, String unit, long seconds) {
            this.tokenName = tokenName;
            this.unit = unit;
            this.seconds = seconds;
        }

        /** {@code DayLength}. */
        public String tokenName() {
            return tokenName;
        }

        /** The unit as {@code ZonedDateTime}'s methods name it: {@code plus<Unit>}, {@code minus<Unit>}. */
        public String javaUnit() {
            return unit;
        }

        /** The {@code java.time.temporal.ChronoUnit} constant: {@code DAYS}. */
        public String chronoUnit() {
            return unit.toUpperCase(Locale.ROOT);
        }

        /** Its length in seconds, on average (months and years of the Gregorian calendar): for bounds. */
        public long averageSeconds() {
            return seconds;
        }

        static Optional<Period> named(String tokenName) {
            for (Period p : values()) {
                if (p.tokenName.equals(tokenName)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** Tokens named {@code UserRole_<Name>} test the current user's user roles. */
    public static final String USER_ROLE_PREFIX = "UserRole_";

    /**
     * The date-time tokens, as Mendix names them: {@code CurrentDateTime}, then {@code BeginOf} and {@code EndOf} each
     * of the periods, each also with {@code UTC}. The runtime's {@code dev.warden.runtime.TimeToken} has a constant for
     * each ({@link #timeTokenConstant()}).
     */
    public static final List<String> TIME_TOKEN_NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("CurrentDateTime"));
        for (String period : List.of("CurrentDay", "CurrentHour", "CurrentMinute", "Yesterday", "Tomorrow",
                "CurrentWeek", "CurrentMonth", "CurrentYear")) {
            for (String edge : List.of("BeginOf", "EndOf")) {
                names.add(edge + period);
                names.add(edge + period + "UTC");
            }
        }
        TIME_TOKEN_NAMES = Collections.unmodifiableList(names);
    }

    /** The names of the built-in tokens, in the order messages list them: the user, the date-times, the periods. */
    public static final List<String> BUILT_IN_NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("CurrentUser"));
        names.addAll(TIME_TOKEN_NAMES);
        for (Period p : Period.values()) {
            names.add(p.tokenName());
        }
        BUILT_IN_NAMES = Collections.unmodifiableList(names);
    }

    public TokenMeaning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.CUSTOM) != (custom != null)) {
            throw new IllegalArgumentException("a custom token, and only a custom token, has a declaration");
        }
    }

    /** The built-in token with this exact name: the user, a date-time or a period; user roles are not built in. */
    public static Optional<TokenMeaning> builtIn(String name) {
        if (name.equals(Kind.CURRENT_USER.tokenName())) {
            return Optional.of(new TokenMeaning(Kind.CURRENT_USER, name, null));
        }
        if (TIME_TOKEN_NAMES.contains(name)) {
            return Optional.of(new TokenMeaning(Kind.DATE_TIME, name, null));
        }
        return Period.named(name).map(p -> new TokenMeaning(Kind.PERIOD, name, null));
    }

    /** One of the date-time tokens. */
    public boolean isTemporal() {
        return kind == Kind.DATE_TIME;
    }

    /** For a date-time token, whether it is computed in UTC rather than in the user's zone. */
    public boolean isUtc() {
        return kind == Kind.DATE_TIME && name.endsWith("UTC");
    }

    /**
     * For a date-time token, the name of the runtime's {@code TimeToken} constant: {@code BeginOfCurrentWeekUTC} is
     * {@code BEGIN_OF_CURRENT_WEEK_UTC}.
     */
    public String timeTokenConstant() {
        if (kind != Kind.DATE_TIME) {
            throw new IllegalStateException("not a date-time token: " + this);
        }
        String base = isUtc() ? name.substring(0, name.length() - 3) : name;
        return base.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + (isUtc() ? "_UTC" : "");
    }

    /** For a period token, its period. */
    public Period period() {
        return Period.named(name).orElseThrow(() -> new IllegalStateException("not a period token: " + this));
    }

    /** The kind of value the token has; for {@code [%CurrentUser%]} that of the user id type, when known. */
    public ValueKind valueKind(ConstraintEnvironment env) {
        switch (kind) {
            case CURRENT_USER:
                return env.userIdType() == null ? ValueKind.OTHER : ValueKind.ofSimpleType(env.userIdType());
            case USER_ROLE:
                return ValueKind.BOOLEAN;
            case CUSTOM:
                return custom.kind();
            case PERIOD:
                return ValueKind.OTHER;
            default:
                return ValueKind.TEMPORAL;
        }
    }

    /**
     * The Java type of the token's value, null when unknown ({@code [%CurrentUser%]} without a user id type) or
     * when it has none (a period).
     */
    public TypeName javaType(ConstraintEnvironment env) {
        switch (kind) {
            case CURRENT_USER:
                return env.userIdType();
            case USER_ROLE:
                return TypeName.BOOLEAN;
            case CUSTOM:
                return custom.javaType();
            case PERIOD:
                return null;
            default:
                return JavaTypes.ZONED_DATE_TIME;
        }
    }

    /** How messages show the token: {@code [%CurrentUser%]}, {@code [%UserRole_Manager%]}. */
    public String display() {
        return "[%" + (kind == Kind.USER_ROLE ? USER_ROLE_PREFIX + name : name) + "%]";
    }
}
