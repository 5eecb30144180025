package dev.warden.sample;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

/** The shop's security settings: who the users are and what module roles they get. */
@AppSecurity(
        userRoles = {
            @UserRole(name = "Administrator", moduleRoles = {"Sales.Manager", "Administration.Admin"}),
            @UserRole(name = "SalesRep", moduleRoles = {"Sales.Rep", "Administration.Staff"}),
            @UserRole(name = "Customer", moduleRoles = "Sales.Customer"),
            @UserRole(name = "Guest", moduleRoles = "Sales.Anonymous")
        },
        anonymousRole = "Guest",
        userIdType = Long.class,
        tokens = @Token(name = "Region", type = String.class))
public final class ShopApplication {
    private ShopApplication() {}
}
