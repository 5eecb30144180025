package dev.warden.behaviour;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import fixture.DocsAppSecurityModel;

/** The users of the fixtures. */
final class Users {
    private Users() {}

    /** A reader: sees published documents, no secrets. */
    static SecurityContext reader(long id) {
        return SecurityContext.of(DocsAppSecurityModel.INSTANCE, UserIdentity.of(id, "Reader"));
    }

    static SecurityContext reader() {
        return reader(1L);
    }

    /** A writer: a reader who also edits documents and reads secrets. */
    static SecurityContext writer() {
        return SecurityContext.of(DocsAppSecurityModel.INSTANCE, UserIdentity.of(2L, "Writer"));
    }

    static SecurityContext anonymous() {
        return SecurityContext.anonymousOf(DocsAppSecurityModel.INSTANCE);
    }

    static SecurityContext system() {
        return SecurityContext.systemOf(DocsAppSecurityModel.INSTANCE);
    }
}
