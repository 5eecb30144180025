package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token in a constraint stands for, once the checker has resolved its name.
 *
 * @param kind     which token
 * @param name     the role name for {@link Kind#USER_ROLE} ({@code Manager} in {@code [%UserRole_Manager%]}), the
 *                 token name for all others
 * @param custom   the declaration of a {@link Kind#CUSTOM} token, else null
 */
public record TokenMeaning(Kind kind, String name, TokenShape custom) {

    /** The tokens Warden knows. */
    public enum Kind {
        /** {@code [%CurrentUser%]}: the current user's id. */
        CURRENT_USER("CurrentUser"),
        /** {@code [%CurrentDateTime%]}: now. */
        CURRENT_DATE_TIME("CurrentDateTime"),
        /** {@code [%BeginOfCurrentDay%]}: midnight at the start of today. */
        BEGIN_OF_CURRENT_DAY("BeginOfCurrentDay"),
        /** {@code [%EndOfCurrentDay%]}: midnight at the end of today. */
        END_OF_CURRENT_DAY("EndOfCurrentDay"),
        /** {@code [%UserRole_Name%]}: true when the current user has user role Name. */
        USER_ROLE(null),
        /** A token declared in {@code @AppSecurity(tokens)}. */
        CUSTOM(null);

        private final String tokenName;

        Kind(String tokenName) {
            this.tokenName = tokenName;
        }

        /** The fixed name of a built-in token; null for USER_ROLE and CUSTOM. */
        public String tokenName() {
            return tokenName;
        }

        /** The built-in token with this exact name. */
        public static Optional<Kind> builtIn(String name) {
            for (Kind k : values()) {
                if (k.tokenName != null && k.tokenName.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Tokens named {@code UserRole_<Name>} test the current user's user roles. */
    public static final String USER_ROLE_PREFIX = "UserRole_";

    /** The names of the fixed built-in tokens, in the order messages list them. */
    public static final List<String> BUILT_IN_NAMES =
            List.of("CurrentUser", "CurrentDateTime", "BeginOfCurrentDay", "EndOfCurrentDay");

    public TokenMeaning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.CUSTOM) != (custom != null)) {
            throw new IllegalArgumentException("a custom token, and only a custom token, has a declaration");
        }
    }

    /** One of the date-time tokens. */
    public boolean isTemporal() {
        return kind == Kind.CURRENT_DATE_TIME || kind == Kind.BEGIN_OF_CURRENT_DAY || kind == Kind.END_OF_CURRENT_DAY;
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
            default:
                return ValueKind.TEMPORAL;
        }
    }

    /** The Java type of the token's value, null when unknown ({@code [%CurrentUser%]} without a user id type). */
    public TypeName javaType(ConstraintEnvironment env) {
        switch (kind) {
            case CURRENT_USER:
                return env.userIdType();
            case USER_ROLE:
                return TypeName.BOOLEAN;
            case CUSTOM:
                return custom.javaType();
            default:
                return JavaTypes.ZONED_DATE_TIME;
        }
    }

    /** How messages show the token: {@code [%CurrentUser%]}, {@code [%UserRole_Manager%]}. */
    public String display() {
        return "[%" + (kind == Kind.USER_ROLE ? USER_ROLE_PREFIX + name : name) + "%]";
    }
}
