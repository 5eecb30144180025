package dev.warden.runtime;

import java.util.function.Function;

/** The tokens every application has, by the names constraints use for them ({@code '[%CurrentUser%]'}). */
enum BuiltInToken {
    CURRENT_USER("CurrentUser", SecurityContext::currentUserId),
    CURRENT_DATE_TIME("CurrentDateTime", SecurityContext::now),
    BEGIN_OF_CURRENT_DAY("BeginOfCurrentDay", SecurityContext::beginOfCurrentDay),
    END_OF_CURRENT_DAY("EndOfCurrentDay", SecurityContext::endOfCurrentDay);

    /** The prefix of the user-role tokens, {@code '[%UserRole_Administrator%]'}. */
    static final String USER_ROLE_PREFIX = "UserRole_";

    private final String tokenName;
    private final Function<SecurityContext, Object> value;

    BuiltInToken(String tokenName, Function<SecurityContext, Object> value) {
        this.tokenName = tokenName;
        this.value = value;
    }

    /** The built-in token with this name, or null. */
    static BuiltInToken named(String name) {
        for (BuiltInToken token : values()) {
            if (token.tokenName.equals(name)) {
                return token;
            }
        }
        return null;
    }

    /** Whether a custom token may not have this name because a built-in token has it or could have it. */
    static boolean isReserved(String name) {
        return named(name) != null || name.startsWith(USER_ROLE_PREFIX);
    }

    /** The token's value for a context; null when it has none. */
    Object valueFor(SecurityContext ctx) {
        return value.apply(ctx);
    }
}
