/**
 * PostgreSQL row-level security generated from the access rules: {@link dev.warden.runtime.postgres.RowLevelSecurity}
 * applies the processor's {@code META-INF/warden/postgresql/security.sql} to a database and detects drift;
 * {@link dev.warden.runtime.postgres.PolicySettings} are what the policies read about the user;
 * {@link dev.warden.runtime.postgres.PolicyConnections} sets them for {@code WardenData}.
 */
package dev.warden.runtime.postgres;
