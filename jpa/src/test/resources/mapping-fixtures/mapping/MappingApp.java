package mapping;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.UserRole;

@AppSecurity(
        userRoles = {
            @UserRole(name = "Clerk", moduleRoles = "Mapping.Clerk"),
            @UserRole(name = "Manager", moduleRoles = "Mapping.Manager")
        },
        userIdType = Long.class)
public final class MappingApp {}
