package dev.warden.spring.security;

import dev.warden.runtime.AccessDeniedException;

/**
 * Someone is signed in with Spring Security, but Warden cannot tell which user they are: the id is missing or is not
 * of the application's user-id type, no granted authority is a user role, or a token's value has the wrong type.
 * Warden denies everything then (it fails closed); {@link dev.warden.runtime.SecurityContext#current()} repeats this
 * message in its denial.
 *
 * <p>The message names the type of the {@code Authentication} and of its principal, and what was missing; never a
 * credential, a user's name or a value.
 */
public class AuthenticationMappingException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    /**
     * An authentication that cannot be made a Warden user.
     *
     * @param reason what is wrong, without values
     */
    public AuthenticationMappingException(String reason) {
        super(reason);
    }
}
