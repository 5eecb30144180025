package dev.warden.spring.jdbc.ledger;

import dev.warden.annotations.AppSecurity;
import dev.warden.annotations.UserRole;

/** Clerks and auditors; nobody else. */
@AppSecurity(
        userRoles = {
            @UserRole(name = "Clerk", moduleRoles = "Ledger.Clerk"),
            @UserRole(name = "Auditor", moduleRoles = "Ledger.Auditor")
        },
        userIdType = Long.class)
public final class LedgerSecurity {
    private LedgerSecurity() {}
}
