package com.acme.billing;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.Token;
import dev.warden.annotations.UserRole;

/** Not in the README: the application its tenant rules belong to. */
@AppSecurity(
        userRoles = {
            @UserRole(name = "Clerk", moduleRoles = "Billing.Clerk"),
            @UserRole(name = "Auditor", moduleRoles = "Billing.Auditor")},
        userIdType = Long.class,
        tokens = @Token(name = "Tenant", type = String.class))
public final class BillingApplication {}
