/** The transaction tests' domain: ledger entries that clerks write and auditors read. */
@Module(name = "Ledger", roles = {"Clerk", "Auditor"})
package dev.warden.spring.jdbc.ledger;

import dev.warden.annotations.Module;
