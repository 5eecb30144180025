package dev.warden.processor.validation;

import dev.warden.processor.constraint.TokenMeaning;
import java.util.Set;

/** The tokens every constraint may use without declaring them: the user, the date-time tokens and the periods. */
final class BuiltInTokens {
    static final Set<String> NAMES = Set.copyOf(TokenMeaning.BUILT_IN_NAMES);
    static final String USER_ROLE_PREFIX = "UserRole_";

    private BuiltInTokens() {}
}
