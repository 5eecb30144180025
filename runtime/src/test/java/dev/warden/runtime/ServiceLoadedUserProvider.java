package dev.warden.runtime;

import java.util.Optional;

/** A user provider registered as a service in some tests: always user 7, a SalesRep. */
public class ServiceLoadedUserProvider implements UserProvider {
    @Override
    public Optional<UserIdentity> currentUser() {
        return Optional.of(UserIdentity.of(7L, "SalesRep"));
    }

    /** A second provider class, to have two registered. */
    public static final class Another extends ServiceLoadedUserProvider {}
}
