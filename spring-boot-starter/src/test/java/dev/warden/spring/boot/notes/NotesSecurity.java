package dev.warden.spring.boot.notes;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

/** The user roles of the notes application; nobody signed in is a Guest. */
@AppSecurity(
        userRoles = {
            @UserRole(name = "Administrator", moduleRoles = "Notes.Admin"),
            @UserRole(name = "Member", moduleRoles = "Notes.Writer"),
            @UserRole(name = "Guest", moduleRoles = "Notes.Reader")
        },
        anonymousRole = "Guest",
        userIdType = Long.class,
        tokens = @Token(name = "Region", type = String.class))
public final class NotesSecurity {
    private NotesSecurity() {}
}
