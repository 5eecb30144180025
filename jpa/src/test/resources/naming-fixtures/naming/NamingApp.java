package naming;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.UserRole;

@AppSecurity(
        userRoles = {
            @UserRole(name = "Clerk", moduleRoles = "Naming.Clerk"),
            @UserRole(name = "Manager", moduleRoles = "Naming.Manager")
        },
        userIdType = Long.class)
public final class NamingApp {}
