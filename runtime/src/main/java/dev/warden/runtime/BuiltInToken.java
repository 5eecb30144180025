package dev.warden.runtime;

import java.util.function.Function;

import java.util.Set;

/**
 * The tokens every application has, by the names constraints use for them ({@code '[%CurrentUser%]'}); the date-time
 * tokens are the {@link TimeToken}s. The period tokens ({@code [%DayLength%]}, ...) have no value of their own: they
 * only count in date arithmetic, but their names are reserved too.
 */
enum BuiltInToken {
    CURRENT_USER("CurrentUser", SecurityContext::currentUserId);

    /** The prefix of the user-role tokens, {@code '[%UserRole_Administrator%]'}. */
    static final String USER_ROLE_PREFIX = "UserRole_";

    /** The period tokens of date arithmetic, {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'}. */
    static final Set<String> PERIOD_TOKENS = Set.of("SecondLength", "MinuteLength", "HourLength", "DayLength",
            "WeekLength", "MonthLength", "YearLength");

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
        return named(name) != null || TimeToken.named(name) != null || PERIOD_TOKENS.contains(name)
                || name.startsWith(USER_ROLE_PREFIX);
    }

    /** The token's value for a context; null when it has none. */
    Object valueFor(SecurityContext ctx) {
        return value.apply(ctx);
    }
}
