package dev.warden.runtime.sql;

import static dev.warden.runtime.internal.Checks.boxed;
import static dev.warden.runtime.internal.Checks.requireName;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.TimeToken;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * One {@code ?} of a {@link SqlTemplate}: a constant of the constraint, or a token whose value comes from the
 * security context when the template is rendered. Values are always bound, never spliced into the SQL; the one
 * exception is {@link #userRole}, which the renderer folds to the literal {@code TRUE} or {@code FALSE}.
 *
 * <p>Instances are immutable.
 */
public final class SqlParam {
    /** What a parameter stands for. */
    public enum Kind {
        /** A literal of the constraint. */
        CONSTANT,
        /** {@code [%CurrentUser%]}: the user's id. */
        CURRENT_USER,
        /** {@code [%CurrentDateTime%]}. */
        CURRENT_DATE_TIME,
        /** {@code [%BeginOfCurrentDay%]}. */
        BEGIN_OF_CURRENT_DAY,
        /** {@code [%EndOfCurrentDay%]}. */
        END_OF_CURRENT_DAY,
        /** A custom token, from the user's attributes. */
        TOKEN,
        /** {@code [%UserRole_Name%]}: folded to a boolean literal, never bound. */
        USER_ROLE,
        /**
         * Any date-time token ({@link TimeToken}), with the periods added to it: {@code '[%BeginOfCurrentDay%] - 3 *
         * [%DayLength%]'}.
         */
        DATE_TIME,
        /** The time zone of the context, in which the date parts of instants are taken ({@code year-from-dateTime}). */
        ZONE
    }

    /** A period added to a date-time token: {@code amount} of {@code unit} (negative to subtract). */
    private record Offset(long amount, ChronoUnit unit) {}

    private final Kind kind;
    private final Object constant;
    private final String name;
    private final Class<?> javaType;
    private final TimeToken token;
    private final List<Offset> offsets;

    private SqlParam(Kind kind, Object constant, String name, Class<?> javaType) {
        this(kind, constant, name, javaType, null, List.of());
    }

    private SqlParam(Kind kind, Object constant, String name, Class<?> javaType, TimeToken token,
            List<Offset> offsets) {
        this.kind = kind;
        this.constant = constant;
        this.name = name;
        this.javaType = javaType;
        this.token = token;
        this.offsets = offsets;
    }

    /**
     * A literal of the constraint, converted to the type of the member it is compared with.
     *
     * @param value a {@code String} (also the name of an enum constant), a {@code Boolean} or a {@code BigDecimal}
     *     (every number literal); a value of {@code javaType} itself is taken as it is
     * @param javaType the member's type: a number type ({@code Integer}, {@code Long}, {@code Short}, {@code Byte},
     *     {@code BigInteger}, {@code Double}, {@code Float}, {@code BigDecimal}), {@code String}, {@code Boolean},
     *     an enum (bound as the constant's name) or any other type the driver binds
     * @return the parameter
     * @throws IllegalArgumentException when the value does not fit the type, for example a fraction for a
     *     {@code Long} or a name that is not a constant of the enum
     */
    public static SqlParam constant(Object value, Class<?> javaType) {
        Objects.requireNonNull(value, "value: use IS NULL for the empty literal, not a parameter");
        Class<?> type = boxed(Objects.requireNonNull(javaType, "javaType"));
        return new SqlParam(Kind.CONSTANT, convert(value, type), null, type);
    }

    /** {@code [%CurrentUser%]}, bound as the user's id; a context without a user id drops the rule. */
    public static SqlParam currentUser() {
        return new SqlParam(Kind.CURRENT_USER, null, null, null);
    }

    /**
     * {@code [%CurrentDateTime%]}, bound as the context's {@link SecurityContext#now() now}.
     *
     * @param temporalType the type of the member it is compared with: {@code Instant}, {@code LocalDateTime},
     *     {@code LocalDate}, {@code OffsetDateTime}, {@code ZonedDateTime} or {@code java.util.Date}
     * @return the parameter
     */
    public static SqlParam currentDateTime(Class<?> temporalType) {
        return new SqlParam(Kind.CURRENT_DATE_TIME, null, null, requireTemporal(temporalType));
    }

    /**
     * {@code [%BeginOfCurrentDay%]}, bound as the context's {@link SecurityContext#beginOfCurrentDay()}.
     *
     * @param temporalType as for {@link #currentDateTime}
     * @return the parameter
     */
    public static SqlParam beginOfCurrentDay(Class<?> temporalType) {
        return new SqlParam(Kind.BEGIN_OF_CURRENT_DAY, null, null, requireTemporal(temporalType));
    }

    /**
     * {@code [%EndOfCurrentDay%]}, bound as the context's {@link SecurityContext#endOfCurrentDay()}.
     *
     * @param temporalType as for {@link #currentDateTime}
     * @return the parameter
     */
    public static SqlParam endOfCurrentDay(Class<?> temporalType) {
        return new SqlParam(Kind.END_OF_CURRENT_DAY, null, null, requireTemporal(temporalType));
    }

    /**
     * A date-time token, bound as its value for the context ({@link SecurityContext#dateTime(TimeToken)}), converted
     * as for {@link #currentDateTime}.
     *
     * @param token the token
     * @param temporalType as for {@link #currentDateTime}
     * @return the parameter
     */
    public static SqlParam dateTime(TimeToken token, Class<?> temporalType) {
        return new SqlParam(Kind.DATE_TIME, null, null, requireTemporal(temporalType),
                Objects.requireNonNull(token, "token"), List.of());
    }

    /**
     * This date-time token with a period added, on the calendar of the token's zone (as
     * {@link ZonedDateTime#plus(long, java.time.temporal.TemporalUnit)} adds it: days, weeks, months and years by the
     * calendar, across daylight-saving changes; hours, minutes and seconds by the clock): the parameter of
     * {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'} is {@code dateTime(BEGIN_OF_CURRENT_DAY, type).plus(-3,
     * ChronoUnit.DAYS)}. Periods are added in order.
     *
     * @param amount how many of the unit; negative to subtract
     * @param unit {@code SECONDS}, {@code MINUTES}, {@code HOURS}, {@code DAYS}, {@code WEEKS}, {@code MONTHS} or
     *     {@code YEARS}
     * @return the parameter with the period added
     * @throws IllegalStateException when this is not a {@link #dateTime} parameter
     */
    public SqlParam plus(long amount, ChronoUnit unit) {
        if (kind != Kind.DATE_TIME) {
            throw new IllegalStateException("Only a date-time token can have a period added, not " + this);
        }
        Objects.requireNonNull(unit, "unit");
        if (unit.compareTo(ChronoUnit.SECONDS) < 0 || unit.compareTo(ChronoUnit.YEARS) > 0) {
            throw new IllegalArgumentException("A period of date arithmetic is seconds to years, not " + unit);
        }
        List<Offset> more = new ArrayList<>(offsets);
        more.add(new Offset(amount, unit));
        return new SqlParam(kind, null, null, javaType, token, List.copyOf(more));
    }

    /**
     * The time zone of the context ({@link SecurityContext#zone()}), bound as its name, for the date parts of an
     * instant column ({@code EXTRACT(YEAR FROM (t.created AT TIME ZONE ?))}).
     *
     * @return the parameter
     */
    public static SqlParam zone() {
        return new SqlParam(Kind.ZONE, null, null, ZoneId.class);
    }

    /**
     * A custom token, bound as the user's attribute of that name; without a value the rule is dropped.
     *
     * @param name the token's name, without {@code [% %]}
     * @param type the token's declared type
     * @return the parameter
     */
    public static SqlParam token(String name, Class<?> type) {
        return new SqlParam(Kind.TOKEN, null, requireName(name, "token name"),
                boxed(Objects.requireNonNull(type, "type")));
    }

    /**
     * {@code [%UserRole_Name%]}: the renderer puts the literal {@code TRUE} or {@code FALSE} in place of its
     * {@code ?}, from {@link SecurityContext#hasUserRole}, and binds nothing.
     *
     * @param name the user role's name
     * @return the parameter
     */
    public static SqlParam userRole(String name) {
        return new SqlParam(Kind.USER_ROLE, null, requireName(name, "user role name"), Boolean.class);
    }

    /** What the parameter stands for. */
    public Kind kind() {
        return kind;
    }

    /** The Java type of the bound value; null for {@code CURRENT_USER}, whose type is the application's. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The token's or user role's name; null for the other kinds. */
    public String name() {
        return name;
    }

    /** Whether the renderer folds this parameter into a literal instead of binding it. */
    public boolean isFolded() {
        return kind == Kind.USER_ROLE;
    }

    /**
     * The value to bind for a context.
     *
     * @param ctx the security context
     * @param now the context's time, taken once for everything rendered together
     * @return the value, or null when the context has none, so that the rule must be dropped
     */
    Object valueFor(SecurityContext ctx, ZonedDateTime now) {
        switch (kind) {
            case CONSTANT:
                return constant;
            case CURRENT_USER:
                return ctx.currentUserId();
            case CURRENT_DATE_TIME:
                return temporal(now, javaType);
            case BEGIN_OF_CURRENT_DAY:
                return temporal(beginOfDay(now), javaType);
            case END_OF_CURRENT_DAY:
                return temporal(beginOfDay(now).plusDays(1), javaType);
            case TOKEN:
                return ctx.hasToken(name) ? ctx.token(name, javaType) : null;
            case USER_ROLE:
                return ctx.hasUserRole(name);
            case DATE_TIME:
                ZonedDateTime time = token.at(now);
                for (Offset offset : offsets) {
                    time = time.plus(offset.amount(), offset.unit());
                }
                return temporal(time, javaType);
            case ZONE:
                return now.getZone();
            default:
                throw new AssertionError(kind);
        }
    }

    /** The type to bind {@link #valueFor} as. */
    Class<?> bindType(SecurityContext ctx) {
        switch (kind) {
            case CURRENT_USER:
                return ctx.application().userIdType();
            case CURRENT_DATE_TIME:
            case BEGIN_OF_CURRENT_DAY:
            case END_OF_CURRENT_DAY:
            case DATE_TIME:
                return javaType == Instant.class || javaType == ZonedDateTime.class ? OffsetDateTime.class : javaType;
            default:
                return javaType;
        }
    }

    /** As {@link SecurityContext#beginOfCurrentDay()}, for the given now. */
    private static ZonedDateTime beginOfDay(ZonedDateTime now) {
        return now.toLocalDate().atStartOfDay(now.getZone());
    }

    private static Class<?> requireTemporal(Class<?> type) {
        Objects.requireNonNull(type, "temporalType");
        if (type != Instant.class && type != LocalDateTime.class && type != LocalDate.class
                && type != OffsetDateTime.class && type != ZonedDateTime.class && !Date.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("A date token cannot be compared with a " + type.getName());
        }
        return type;
    }

    /** A date token's value as the type of the member it is compared with. */
    static Object temporal(ZonedDateTime time, Class<?> type) {
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            // bound as an offset date-time, which both JDBC drivers take for TIMESTAMP WITH TIME ZONE
            return time.toOffsetDateTime();
        }
        if (type == LocalDateTime.class) {
            return time.toLocalDateTime();
        }
        if (type == LocalDate.class) {
            return time.toLocalDate();
        }
        if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(time.toLocalDate());
        }
        // java.util.Date holds milliseconds: truncate as Date.from does, so SQL and the Java twin agree at "now"
        return new Timestamp(time.toInstant().toEpochMilli());
    }

    /** A constant as the member's type. */
    static Object convert(Object value, Class<?> type) {
        if (type.isInstance(value)) {
            return value;
        }
        if (type.isEnum()) {
            if (value instanceof String) {
                return enumName(type, (String) value);
            }
            throw mismatch(value, type);
        }
        if (value instanceof Number && Number.class.isAssignableFrom(type)) {
            BigDecimal number = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
            try {
                if (type == Long.class) {
                    return number.longValueExact();
                } else if (type == Integer.class) {
                    return number.intValueExact();
                } else if (type == Short.class) {
                    return number.shortValueExact();
                } else if (type == Byte.class) {
                    return number.byteValueExact();
                } else if (type == BigInteger.class) {
                    return number.toBigIntegerExact();
                } else if (type == BigDecimal.class) {
                    return number;
                } else if (type == Double.class) {
                    return number.doubleValue();
                } else if (type == Float.class) {
                    return number.floatValue();
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("The number " + number + " does not fit a " + type.getSimpleName(),
                        e);
            }
        }
        throw mismatch(value, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String enumName(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a constant of " + type.getName(), e);
        }
    }

    private static IllegalArgumentException mismatch(Object value, Class<?> type) {
        return new IllegalArgumentException(
                "A " + value.getClass().getSimpleName() + " cannot be compared with a " + type.getName());
    }

    /** The kind and the type or name; never a constant's value. */
    @Override
    public String toString() {
        switch (kind) {
            case CONSTANT:
                return "constant " + javaType.getSimpleName();
            case CURRENT_USER:
                return "[%CurrentUser%]";
            case TOKEN:
                return "[%" + name + "%] " + javaType.getSimpleName();
            case USER_ROLE:
                return "[%UserRole_" + name + "%]";
            case DATE_TIME:
                StringBuilder text = new StringBuilder("[%" + token.tokenName() + "%]");
                for (Offset offset : offsets) {
                    text.append(offset.amount() < 0 ? " - " : " + ").append(Math.abs(offset.amount())).append(' ')
                            .append(offset.unit());
                }
                return text.append(' ').append(javaType.getSimpleName()).toString();
            case ZONE:
                return "zone";
            default:
                return kind + " " + javaType.getSimpleName();
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SqlParam)) {
            return false;
        }
        SqlParam that = (SqlParam) other;
        return kind == that.kind && Objects.equals(constant, that.constant) && Objects.equals(name, that.name)
                && Objects.equals(javaType, that.javaType) && token == that.token && offsets.equals(that.offsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, constant, name, javaType, token, offsets);
    }
}
