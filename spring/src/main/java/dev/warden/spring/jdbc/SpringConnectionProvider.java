package dev.warden.spring.jdbc;

import dev.warden.runtime.data.ConnectionProvider;
import dev.warden.runtime.data.WardenData;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Spring's transactions for {@link WardenData}: {@code WardenData.of(new SpringConnectionProvider(dataSource))}
 * takes part in the transaction active on the thread, as {@code JdbcTemplate} does. The Boot starter's {@code
 * WardenData} bean is made so.
 *
 * <ul>
 *   <li>Inside a transaction ({@code @Transactional}, a {@code TransactionTemplate}) of a {@code
 *       DataSourceTransactionManager}, {@code JdbcTransactionManager} or {@code JpaTransactionManager} over this
 *       data source, Warden runs on the transaction's connection ({@link DataSourceUtils#getConnection}): it sees
 *       the rows the transaction wrote, a row the transaction changed does not block it, and what it writes commits
 *       or rolls back with the transaction. It never commits, rolls back or closes that connection.</li>
 *   <li>A write Warden denies there is undone to a savepoint and marks the transaction rollback-only, so that the
 *       rest of the unit of work is not committed without it: Spring rolls back at the end of the transaction, and a
 *       caller that caught the denial and went on gets Spring's {@code UnexpectedRollbackException} at the commit.
 *       A write in a transaction of its own ({@code Propagation.REQUIRES_NEW}) marks only that one.</li>
 *   <li>Under {@code JpaTransactionManager} the persistence context is flushed before each operation, so that
 *       Warden's SQL sees what the transaction changed through JPA.</li>
 *   <li>Outside a transaction, each operation gets a connection of its own, and each write a transaction of its
 *       own, as {@link WardenData#of(DataSource)} does.</li>
 *   <li>A {@link TransactionAwareDataSourceProxy} is looked through to the data source it wraps, as Spring's
 *       transaction managers do; through the proxy, Warden would take the transaction's connection for one of its
 *       own and commit Spring's transaction.</li>
 * </ul>
 *
 * <p>JTA transactions ({@code JtaTransactionManager}) are not supported: Warden would take part in them, but could
 * not mark them rollback-only. Thread-safe.
 */
public final class SpringConnectionProvider implements ConnectionProvider {
    private static final ClassLoader LOADER = SpringConnectionProvider.class.getClassLoader();
    private static final boolean JPA_PRESENT = ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerHolder",
            LOADER) && ClassUtils.isPresent("jakarta.persistence.EntityManager", LOADER);

    private final DataSource dataSource;

    /**
     * A provider over a data source.
     *
     * @param dataSource the data source of the application's transaction manager, or a {@link
     *     TransactionAwareDataSourceProxy} over it
     */
    public SpringConnectionProvider(DataSource dataSource) {
        DataSource target = Objects.requireNonNull(dataSource, "dataSource");
        while (target instanceof TransactionAwareDataSourceProxy proxy) {
            target = Objects.requireNonNull(proxy.getTargetDataSource(), "the proxy's target data source");
        }
        this.dataSource = target;
    }

    /** The data source whose connections Warden gets (a proxy's target). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The transaction's connection, or a connection of its own; under JPA the persistence context is flushed first.
     *
     * @throws SQLException when no connection can be had
     */
    @Override
    public Connection acquire() throws SQLException {
        if (JPA_PRESENT && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            JpaTransactions.flush();
        }
        try {
            return DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** Whether a transaction is active and the connection is the one Spring bound to it. */
    @Override
    public boolean inCallerTransaction(Connection connection) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && DataSourceUtils.isConnectionTransactional(connection, dataSource);
    }

    /** Closes a connection of Warden's own; leaves the transaction's open. */
    @Override
    public void release(Connection connection) throws SQLException {
        DataSourceUtils.doReleaseConnection(connection, dataSource);
    }

    /**
     * Marks the transaction rollback-only: the connection's holder, which {@code DataSourceTransactionManager} and
     * {@code JdbcTransactionManager} consult, and under JPA the entity transaction, which {@code
     * JpaTransactionManager} consults.
     *
     * @throws IllegalStateException when no transaction of this data source is bound to the thread
     */
    @Override
    public void setRollbackOnly(Connection connection) {
        boolean marked = false;
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            holder.setRollbackOnly();
            marked = true;
        }
        if (JPA_PRESENT) {
            marked |= JpaTransactions.setRollbackOnly();
        }
        if (!marked) {
            throw new IllegalStateException("No Spring transaction of " + dataSource.getClass().getName()
                    + " is bound to this thread to mark rollback-only");
        }
    }

    /** Names the data source's class only: a data source's own {@code toString} may show its URL and user. */
    @Override
    public String toString() {
        return "SpringConnectionProvider[" + dataSource.getClass().getName() + "]";
    }
}
