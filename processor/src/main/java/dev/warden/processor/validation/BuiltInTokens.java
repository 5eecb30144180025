package dev.warden.processor.validation;

import java.util.Set;

/** The tokens every constraint may use without declaring them. */
final class BuiltInTokens {
    static final Set<String> NAMES = Set.of("CurrentUser", "CurrentDateTime", "BeginOfCurrentDay", "EndOfCurrentDay");
    static final String USER_ROLE_PREFIX = "UserRole_";

    private BuiltInTokens() {}
}
