package dev.warden.runtime.sql;

import static dev.warden.runtime.internal.Checks.boxed;
import static dev.warden.runtime.internal.Checks.requireName;

import dev.warden.runtime.SecurityContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
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
        USER_ROLE
    }

    private final Kind kind;
    private final Object constant;
    private final String name;
    private final Class<?> javaType;

    private SqlParam(Kind kind, Object constant, String name, Class<?> javaType) {
        this.kind = kind;
        this.constant = constant;
        this.name = name;
        this.javaType = javaType;
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
                && Objects.equals(javaType, that.javaType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, constant, name, javaType);
    }
}
