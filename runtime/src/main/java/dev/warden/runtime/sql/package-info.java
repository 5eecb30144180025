/**
 * Entity access rules as SQL (security model, sections 2 and 4). The Warden processor generates one
 * {@link dev.warden.runtime.sql.EntityTable} per persistent entity: its table and columns, and each rule's
 * constraint as a {@link dev.warden.runtime.sql.SqlTemplate} whose values are {@link dev.warden.runtime.sql.SqlParam}s.
 * {@link dev.warden.runtime.sql.EntityTable#filter} makes a {@link dev.warden.runtime.sql.QueryFilter} for one user
 * and one table alias: the read, delete and write filters, the create and write checks, and the projection that masks
 * members per row. Each is a {@link dev.warden.runtime.sql.SqlFragment}: SQL with {@code ?} and the values to bind.
 *
 * <pre>{@code
 * QueryFilter<Order> filter = OrderTable.TABLE.filter(SecurityContext.current(), "o", Dialect.postgreSql());
 * SqlFragment sql = SqlFragment.builder()
 *         .sql("SELECT ").append(filter.projection()).sql(" FROM orders o WHERE ").append(filter.readFilter())
 *         .build();
 * try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
 *     sql.bind(statement, 1, Dialect.postgreSql());
 *     ...
 * }
 * }</pre>
 *
 * <p>No value is ever part of the SQL text: constants and tokens are bound, user-role tokens become {@code TRUE} or
 * {@code FALSE}, and names (tables, columns, aliases) must be plain identifiers. {@code dev.warden.runtime.data} uses
 * all of this to read and write entities without an ORM.
 */
package dev.warden.runtime.sql;
