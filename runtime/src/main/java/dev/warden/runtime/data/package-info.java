/**
 * Secure data access over any {@link javax.sql.DataSource}, without an ORM: {@link dev.warden.runtime.data.WardenData}
 * finds, lists, counts, inserts, updates and deletes entities with their access rules inside each statement, and
 * {@link dev.warden.runtime.data.Query} says what to list. A write the rules forbid is an
 * {@link dev.warden.runtime.AccessDeniedException}, never a silent "0 rows", and it reads the same whether the row is
 * absent or out of the user's reach. {@link dev.warden.runtime.data.ConnectionProvider} is where it gets its
 * connections and whether the caller has a transaction open, which it then takes part in
 * ({@link dev.warden.runtime.data.CallerTransaction} for plain JDBC).
 */
package dev.warden.runtime.data;
