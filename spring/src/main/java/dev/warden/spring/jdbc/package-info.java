/**
 * {@link dev.warden.runtime.data.WardenData} in Spring's transactions: {@link
 * dev.warden.spring.jdbc.SpringConnectionProvider} hands Warden the connection of the transaction that
 * {@code @Transactional} or a {@code TransactionTemplate} began (under {@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager} or {@code JpaTransactionManager}), so that what Warden writes commits and rolls
 * back with it.
 */
package dev.warden.spring.jdbc;
