package dev.warden.spring.jdbc.ledger;

import dev.warden.annotations.AllowedRoles;

/** Reports on the ledger, for auditors; closing the books is a clerk's job. */
@AllowedRoles("Auditor")
public class LedgerReports {

    /** For auditors. */
    public long balance() {
        return 597;
    }

    /** For clerks only: replaces the type's list. */
    @AllowedRoles("Clerk")
    public String close() {
        return "closed";
    }
}
