package dev.warden.sample.spring;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.UserRole;

/** The user roles of the shop; a Spring Security authority ROLE_Name grants the user role Name. */
@AppSecurity(
        userRoles = {
            @UserRole(name = "Administrator", moduleRoles = "Shop.Manager"),
            @UserRole(name = "Clerk", moduleRoles = "Shop.Clerk"),
            @UserRole(name = "Auditor", moduleRoles = "Shop.Auditor")
        },
        userIdType = Long.class)
public final class ShopSecurity {
    private ShopSecurity() {}
}
