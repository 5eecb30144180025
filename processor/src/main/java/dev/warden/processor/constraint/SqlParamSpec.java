package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One {@code ?} of a {@link CompiledSqlConstraint}: what to bind there.
 *
 * @param kind     what the parameter stands for
 * @param constant for {@link Kind#CONSTANT}, the literal: a {@code String} (also the {@code name()} of an enum
 *                 constant, enums being stored as their names), a {@code Boolean}, or a {@code BigDecimal} for every
 *                 number literal, to be converted to {@code javaType}; else null
 * @param name     the token's name for {@link Kind#CUSTOM_TOKEN}, the user role's for {@link Kind#USER_ROLE}; else null
 * @param javaType the Java type (boxed, erased) to bind the value as. For a constant and the date-time tokens, the
 *                 type of the member the value is compared with (a date-time token is converted to it, as the Java
 *                 twin does); for {@code [%CurrentUser%]} the type of the member (for an association, of the target's
 *                 id); for a custom token its declared type, so that it is bound without a lossy conversion and the
 *                 database widens the narrower side as Java does; {@code Boolean} for a user role.
 */
public record SqlParamSpec(Kind kind, Object constant, String name, TypeName javaType) {

    /** What a parameter stands for. */
    public enum Kind {
        /** A literal of the constraint: {@link #constant()}. Never null. */
        CONSTANT,
        /** {@code [%CurrentUser%]}: the user's id. A context without a user id drops the rule (a token without a value). */
        CURRENT_USER,
        /** {@code [%CurrentDateTime%]}, converted to {@link #javaType()}. */
        CURRENT_DATE_TIME,
        /** {@code [%BeginOfCurrentDay%]}, converted to {@link #javaType()}. */
        BEGIN_OF_CURRENT_DAY,
        /** {@code [%EndOfCurrentDay%]}, converted to {@link #javaType()}. */
        END_OF_CURRENT_DAY,
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
        if (kind == Kind.CONSTANT) {
            if (!(constant instanceof String || constant instanceof Boolean || constant instanceof BigDecimal)) {
                throw new IllegalArgumentException("a constant is a String, a Boolean or a BigDecimal, not " + constant);
            }
        } else if (constant != null) {
            throw new IllegalArgumentException("only a CONSTANT has a value: " + kind);
        }
        if ((kind == Kind.CUSTOM_TOKEN || kind == Kind.USER_ROLE) != (name != null)) {
            throw new IllegalArgumentException("a custom token and a user role, and only they, have a name: " + kind);
        }
    }

    /** A literal, to bind as {@code javaType}. */
    public static SqlParamSpec constant(Object value, TypeName javaType) {
        return new SqlParamSpec(Kind.CONSTANT, value, null, javaType);
    }

    /** {@code [%CurrentUser%]}, compared with a member of {@code javaType}. */
    public static SqlParamSpec currentUser(TypeName javaType) {
        return new SqlParamSpec(Kind.CURRENT_USER, null, null, javaType);
    }

    /** A date-time token (CURRENT_DATE_TIME, BEGIN_OF_CURRENT_DAY or END_OF_CURRENT_DAY) as {@code temporalType}. */
    public static SqlParamSpec temporal(Kind kind, TypeName temporalType) {
        if (kind != Kind.CURRENT_DATE_TIME && kind != Kind.BEGIN_OF_CURRENT_DAY && kind != Kind.END_OF_CURRENT_DAY) {
            throw new IllegalArgumentException("not a date-time token: " + kind);
        }
        return new SqlParamSpec(kind, null, null, temporalType);
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
            default:
                return kind + " as " + type;
        }
    }
}
