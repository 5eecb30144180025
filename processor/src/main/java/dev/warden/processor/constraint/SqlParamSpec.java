package dev.warden.processor.constraint;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One {@code ?} of a {@link CompiledSqlConstraint}: what to bind there.
 *
 * @param kind     what the parameter stands for
 * @param constant for {@link Kind#CONSTANT}, the literal: a {@code String} (also the {@code name()} of an enum
 *                 constant, enums being stored as their names), a {@code Boolean}, or a {@code BigDecimal} for every
 *                 number literal, to be converted to {@code javaType}; else null
 * @param name     the token's name for {@link Kind#CUSTOM_TOKEN} and {@link Kind#DATE_TIME} ({@code BeginOfCurrentDay}),
 *                 the user role's for {@link Kind#USER_ROLE}; else null
 * @param javaType the Java type (boxed, erased) to bind the value as. For a constant and the date-time tokens, the
 *                 type of the member the value is compared with (a date-time token is converted to it, as the Java
 *                 twin does); for {@code [%CurrentUser%]} the type of the member (for an association, of the target's
 *                 id); for a custom token its declared type, so that it is bound without a lossy conversion and the
 *                 database widens the narrower side as Java does; {@code Boolean} for a user role; {@code ZoneId}
 *                 for the zone.
 * @param offsets  for {@link Kind#DATE_TIME}, the periods of date arithmetic to add, in order; else empty
 */
public record SqlParamSpec(Kind kind, Object constant, String name, TypeName javaType, List<Offset> offsets) {

    /** A period to add to a date-time token: {@code amount} (negative to subtract) of {@code period}. */
    public record Offset(long amount, TokenMeaning.Period period) {
        public Offset {
            Objects.requireNonNull(period, "period");
        }
    }

    /** What a parameter stands for. */
    public enum Kind {
        /** A literal of the constraint: {@link #constant()}. Never null. */
        CONSTANT,
        /** {@code [%CurrentUser%]}: the user's id. A context without a user id drops the rule (a token without a value). */
        CURRENT_USER,
        /**
         * A date-time token, {@link #name()} ({@code [%CurrentDateTime%]}, {@code [%BeginOfCurrentWeekUTC%]}, ...), with
         * the {@link #offsets()} added, converted to {@link #javaType()}.
         */
        DATE_TIME,
        /**
         * The time zone of the user's date-time tokens, bound as its name: the date parts of an instant column are
         * {@code EXTRACT(YEAR FROM (column AT TIME ZONE ?))}.
         */
        ZONE,
        /** A custom token, {@link #name()}, from the user's attributes. Without a value the rule is dropped. */
        CUSTOM_TOKEN,
        /**
         * {@code [%UserRole_Name%]}: whether the user has user role {@link #name()}. Never bound: the runtime replaces
         * its {@code ?} with the literal {@code TRUE} or {@code FALSE} when it builds the filter, and the SQL is valid
         * either way (the {@code ?} stands where a boolean value may).
         */
        USER_ROLE
    }

    public SqlParamSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(javaType, "javaType");
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
        if (kind != Kind.DATE_TIME && !offsets.isEmpty()) {
            throw new IllegalArgumentException("only a date-time token has offsets: " + kind);
        }
        if (kind == Kind.CONSTANT) {
            if (!(constant instanceof String || constant instanceof Boolean || constant instanceof BigDecimal)) {
                throw new IllegalArgumentException("a constant is a String, a Boolean or a BigDecimal, not " + constant);
            }
        } else if (constant != null) {
            throw new IllegalArgumentException("only a CONSTANT has a value: " + kind);
        }
        if ((kind == Kind.CUSTOM_TOKEN || kind == Kind.USER_ROLE || kind == Kind.DATE_TIME) != (name != null)) {
            throw new IllegalArgumentException("a custom token, a date-time token and a user role, and only they, have "
                    + "a name: " + kind);
        }
    }

    /** A parameter without offsets. */
    public SqlParamSpec(Kind kind, Object constant, String name, TypeName javaType) {
        this(kind, constant, name, javaType, List.of());
    }

    /** A literal, to bind as {@code javaType}. */
    public static SqlParamSpec constant(Object value, TypeName javaType) {
        return new SqlParamSpec(Kind.CONSTANT, value, null, javaType);
    }

    /** {@code [%CurrentUser%]}, compared with a member of {@code javaType}. */
    public static SqlParamSpec currentUser(TypeName javaType) {
        return new SqlParamSpec(Kind.CURRENT_USER, null, null, javaType);
    }

    /**
     * A date-time token, {@code [%BeginOfCurrentDay%]} as {@code "BeginOfCurrentDay"}, with periods added, as
     * {@code temporalType}.
     */
    public static SqlParamSpec dateTime(String token, TypeName temporalType, List<Offset> offsets) {
        if (!TokenMeaning.TIME_TOKEN_NAMES.contains(token)) {
            throw new IllegalArgumentException("not a date-time token: " + token);
        }
        return new SqlParamSpec(Kind.DATE_TIME, null, token, temporalType, offsets);
    }

    /** The user's time zone. */
    public static SqlParamSpec zone() {
        return new SqlParamSpec(Kind.ZONE, null, null, ClassName.get("java.time", "ZoneId"));
    }

    /** For a date-time token, the name of the runtime's {@code TimeToken} constant ({@code BEGIN_OF_CURRENT_DAY}). */
    public String timeTokenConstant() {
        return new TokenMeaning(TokenMeaning.Kind.DATE_TIME, name, null).timeTokenConstant();
    }

    /** A custom token of type {@code javaType}. */
    public static SqlParamSpec customToken(String name, TypeName javaType) {
        return new SqlParamSpec(Kind.CUSTOM_TOKEN, null, Objects.requireNonNull(name, "name"), javaType);
    }

    /** {@code [%UserRole_Name%]}, folded to TRUE or FALSE by the runtime. */
    public static SqlParamSpec userRole(String name) {
        return new SqlParamSpec(Kind.USER_ROLE, null, Objects.requireNonNull(name, "name"), TypeName.BOOLEAN.box());
    }

    /** For logs: the kind and what it binds, {@code CONSTANT 'OPEN' as Status}, {@code [%Tenant%] as Long}. */
    @Override
    public String toString() {
        String type = JavaTypes.display(javaType);
        switch (kind) {
            case CONSTANT:
                return "CONSTANT " + (constant instanceof String ? ConstraintLexer.quote((String) constant) : constant)
                        + " as " + type;
            case CUSTOM_TOKEN:
                return "[%" + name + "%] as " + type;
            case USER_ROLE:
                return "[%" + TokenMeaning.USER_ROLE_PREFIX + name + "%]";
            case DATE_TIME:
                StringBuilder text = new StringBuilder("[%" + name + "%]");
                for (Offset offset : offsets) {
                    text.append(offset.amount() < 0 ? " - " : " + ").append(Math.abs(offset.amount())).append(" * [%")
                            .append(offset.period().tokenName()).append("%]");
                }
                return text.append(" as ").append(type).toString();
            default:
                return kind + " as " + type;
        }
    }
}
