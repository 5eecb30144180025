package dev.warden.sample;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.SecurityLevel;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

/**
 * The shop's security settings: its user roles, the module roles each one gets and the user roles each may manage
 * (an administrator every role, a sales manager sales reps and customers), the anonymous user role, and the custom
 * token {@code [%Region%]}, whose value is the region of a sales rep's account.
 */
@AppSecurity(
        level = SecurityLevel.PRODUCTION,
        userRoles = {
            @UserRole(name = "Administrator", moduleRoles = {"Administration.Admin", "Administration.User", "Sales.Manager"},
                    manageableRoles = {"Administrator", "SalesManager", "SalesRep", "Customer", "Guest"}),
            @UserRole(name = "SalesManager", moduleRoles = {"Sales.Manager", "Administration.Staff", "Administration.User",
                    "Administration.UserManager"},
                    manageableRoles = {"SalesRep", "Customer"}),
            @UserRole(name = "SalesRep", moduleRoles = {"Sales.Rep", "Administration.Staff", "Administration.User"}),
            @UserRole(name = "Customer", moduleRoles = {"Sales.Customer", "Administration.User"}),
            @UserRole(name = "Guest", moduleRoles = "Sales.Guest")
        },
        anonymousRole = "Guest",
        userIdType = Long.class,
        tokens = @Token(name = "Region", type = String.class))
public final class ShopApplication {
    private ShopApplication() {}
}
