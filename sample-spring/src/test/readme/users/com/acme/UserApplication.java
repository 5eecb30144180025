package com.acme;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.UserRole;

/** Not in the README: the application its two user roles belong to. */
@AppSecurity(
        userRoles = {
            // README: manageable-roles
            @UserRole(name = "SalesRep", moduleRoles = "Sales.Rep"),
            @UserRole(name = "Customer", moduleRoles = "Sales.Customer"),
            @UserRole(name = "Guest", moduleRoles = "Sales.Anonymous")},
        anonymousRole = "Guest",
        userIdType = Long.class)
public final class UserApplication {}
