package dev.warden.runtime.data;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Transactions bound to the thread, as Spring's {@code DataSourceTransactionManager}, its
 * {@code TransactionAwareDataSourceProxy} and {@code DataSourceUtils} have them, in miniature over a
 * {@link TestDatabase}'s pool: the {@link ConnectionProvider} that {@code warden-spring} writes, to test that the
 * interface fits it.
 *
 * <ul>
 *   <li>{@link #begin()} binds a connection with auto-commit off to the thread; {@link #commit()} commits it, or
 *       rolls back and throws when it was marked rollback-only (Spring's {@code UnexpectedRollbackException});
 *       {@link #rollback()} rolls back.</li>
 *   <li>{@link #dataSource()} hands out that connection while one is bound: {@code close()} does nothing, and
 *       {@code commit()} really commits the bound transaction, as behind {@code TransactionAwareDataSourceProxy};
 *       it counts the calls only the owner may make. Without one bound, a connection of its own from the pool.</li>
 *   <li>{@link #provider()} is the {@link ConnectionProvider} over it.</li>
 * </ul>
 */
final class ThreadBoundTransactions {
    /** The transaction bound to a thread. */
    private static final class Bound {
        final Connection connection;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource pool;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();
    /** {@code commit}, {@code rollback()} and {@code setAutoCommit} on a handed-out view of a bound connection. */
    final AtomicInteger ownersCalls = new AtomicInteger();
    private final DataSource dataSource = new TestDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
            Bound current = bound.get();
            return current == null ? pool.getConnection() : view(current.connection);
        }
    };
    private final ConnectionProvider provider = new ConnectionProvider() {
        @Override
        public Connection acquire() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public boolean inCallerTransaction(Connection connection) {
            return bound.get() != null;
        }

        @Override
        public void release(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public void setRollbackOnly(Connection connection) {
            Bound current = bound.get();
            if (current == null) {
                throw new IllegalStateException("no transaction is active");
            }
            current.rollbackOnly = true;
        }
    };

    ThreadBoundTransactions(TestDatabase db) {
        this.pool = db.dataSource();
    }

    DataSource dataSource() {
        return dataSource;
    }

    ConnectionProvider provider() {
        return provider;
    }

    void begin() throws SQLException {
        if (bound.get() != null) {
            throw new IllegalStateException("a transaction is active already");
        }
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        bound.set(new Bound(connection));
    }

    boolean isRollbackOnly() {
        return bound.get().rollbackOnly;
    }

    void commit() throws SQLException {
        Bound current = end();
        try {
            if (current.rollbackOnly) {
                throw new IllegalStateException("Transaction silently rolled back because it has been marked as "
                        + "rollback-only");
            }
            current.connection.commit();
        } finally {
            giveBack(current.connection);
        }
    }

    void rollback() throws SQLException {
        giveBack(end().connection);
    }

    /** Rolls back what was not committed and returns the connection to the pool as it came. */
    private static void giveBack(Connection connection) throws SQLException {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private Bound end() {
        Bound current = bound.get();
        bound.remove();
        return current;
    }

    private Connection view(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close")) {
                        return null;
                    }
                    if (name.equals("commit") || name.equals("setAutoCommit")
                            || (name.equals("rollback") && args == null)) {
                        ownersCalls.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
