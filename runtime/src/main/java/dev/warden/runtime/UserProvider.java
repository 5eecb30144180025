package dev.warden.runtime;

import java.util.Optional;

/**
 * Tells Warden who the signed-in user is when no {@linkplain SecurityContext.Scope scope} is open on the
 * current thread, for example by reading the user from the web framework's request or session.
 *
 * <p>Register an implementation with {@link SecurityContext#setUserProvider(UserProvider)}, or as a service in
 * {@code META-INF/services/dev.warden.runtime.UserProvider}, found through the thread's context class loader.
 * Implementations must be thread-safe.
 */
public interface UserProvider {
    /**
     * The user signed in for the work the current thread is doing.
     *
     * @return the user, or empty when nobody is signed in (Warden then falls back to anonymous access, if the
     *     application allows it)
     * @throws AccessDeniedException when someone is signed in but cannot be made a Warden user (a missing id, say);
     *     the message, which must name what is missing and never a credential, is part of the denial that
     *     {@link SecurityContext#current()} throws. The messages of other exceptions are not repeated.
     */
    Optional<UserIdentity> currentUser();
}
