package dev.warden.runtime.data;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real connection as a caller hands it to Warden, recording what is done to it that only the transaction's owner
 * may do: {@code commit}, {@code rollback()}, {@code setAutoCommit} and {@code close}. Everything is passed through
 * to the real connection, so a {@code commit()} here would commit the caller's transaction.
 *
 * <p>{@link #failingSavepointRollback()}: {@code rollback(Savepoint)} throws without rolling back, as a connection
 * whose server went away does.
 */
final class RecordingConnection {
    final Connection target;
    final Connection connection;
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();
    final AtomicInteger autoCommitChanges = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger savepointsSet = new AtomicInteger();
    final AtomicInteger savepointsRolledBack = new AtomicInteger();
    private volatile boolean failingSavepointRollback;

    /** Takes a connection from the database's pool and begins a transaction on it, as the caller does. */
    static RecordingConnection begin(TestDatabase db) {
        try {
            Connection target = db.dataSource().getConnection();
            target.setAutoCommit(false);
            return new RecordingConnection(target);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordingConnection(Connection target) {
        this.target = target;
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> commits.incrementAndGet();
                        case "setAutoCommit" -> autoCommitChanges.incrementAndGet();
                        case "close" -> closes.incrementAndGet();
                        case "setSavepoint" -> savepointsSet.incrementAndGet();
                        case "rollback" -> {
                            if (args == null) {
                                rollbacks.incrementAndGet();
                            } else {
                                savepointsRolledBack.incrementAndGet();
                                if (failingSavepointRollback) {
                                    throw new SQLException("the rollback to the savepoint failed (injected)");
                                }
                            }
                        }
                        default -> { }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    RecordingConnection failingSavepointRollback() {
        failingSavepointRollback = true;
        return this;
    }

    /** How many times Warden did what only the owner of the transaction may do. */
    int ownersCalls() {
        return commits.get() + rollbacks.get() + autoCommitChanges.get() + closes.get();
    }

    /** A text from a query of the caller's own, in its transaction; null when there is no row. */
    String queryString(String sql, Object... values) {
        try (PreparedStatement select = target.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement of the caller's own, in its transaction. */
    void execute(String sql) {
        try (PreparedStatement statement = target.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the caller's transaction with a rollback and gives the connection back to the pool, as the caller does. */
    void rollbackAndClose() {
        try (Connection owned = target) {
            owned.rollback();
            owned.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
