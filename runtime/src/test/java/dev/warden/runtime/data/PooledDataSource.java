package dev.warden.runtime.data;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the tests, as applications have one: closing a connection returns it. A connection
 * returned with auto-commit off (a transaction left open) is discarded and counted, so tests can assert that
 * {@link WardenData} always ends its transactions.
 */
final class PooledDataSource extends TestDataSource {
    private final DataSource target;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final AtomicInteger leftInTransaction = new AtomicInteger();

    PooledDataSource(DataSource target) {
        this.target = target;
    }

    /** How many connections came back with a transaction still open. */
    int leftInTransaction() {
        return leftInTransaction.get();
    }

    /** Closes the idle connections. */
    synchronized void clear() throws SQLException {
        for (Connection connection : idle) {
            connection.close();
        }
        idle.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical;
        synchronized (this) {
            physical = idle.poll();
        }
        if (physical == null) {
            physical = target.getConnection();
        }
        return lease(physical);
    }

    private Connection lease(Connection physical) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!closed[0]) {
                                closed[0] = true;
                                giveBack(physical);
                            }
                            return null;
                        case "isClosed":
                            return closed[0];
                        default:
                            if (closed[0]) {
                                throw new SQLException("The connection is closed");
                            }
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private void giveBack(Connection physical) throws SQLException {
        if (!physical.getAutoCommit()) {
            leftInTransaction.incrementAndGet();
            physical.rollback();
            physical.close();
            return;
        }
        synchronized (this) {
            idle.push(physical);
        }
    }
}
