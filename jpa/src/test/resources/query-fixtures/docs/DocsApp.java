package docs;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

@AppSecurity(
        userRoles = {
            @UserRole(name = "Reader", moduleRoles = "Docs.Reader"),
            @UserRole(name = "Editor", moduleRoles = "Docs.Editor"),
            @UserRole(name = "Auditor", moduleRoles = "Docs.Auditor"),
            @UserRole(name = "Boss", moduleRoles = {"Docs.Reader", "Docs.Lister"}),
            @UserRole(name = "Guest", moduleRoles = "Docs.Guest")
        },
        anonymousRole = "Guest",
        userIdType = Long.class,
        tokens = @Token(name = "Team", type = String.class))
public final class DocsApp {}
