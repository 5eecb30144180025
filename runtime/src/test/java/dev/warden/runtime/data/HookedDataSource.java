package dev.warden.runtime.data;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source over a {@link TestDatabase}'s pool that imitates pools configured otherwise and records what
 * {@link WardenData} does with its connections.
 *
 * <ul>
 *   <li>{@link #autoCommitOff()}: connections come with auto-commit off, as pools configured for it hand them out,
 *       and are rolled back when they are closed, as such pools do. What was not committed is lost.</li>
 *   <li>{@link #failingRollback()}: {@code rollback()} rolls back, then throws.</li>
 *   <li>{@link #failingSavepointRollback()}: {@code rollback(Savepoint)} throws without rolling back, as on a
 *       connection whose server went away.</li>
 *   <li>It counts the savepoints set, released and rolled back to.</li>
 * </ul>
 */
final class HookedDataSource extends TestDataSource {
    private final DataSource target;
    private boolean autoCommitOff;
    private boolean failingRollback;
    private boolean failingSavepointRollback;
    final AtomicInteger savepointsSet = new AtomicInteger();
    final AtomicInteger savepointsReleased = new AtomicInteger();
    final AtomicInteger savepointsRolledBack = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();

    HookedDataSource(TestDatabase db) {
        this.target = db.dataSource();
    }

    HookedDataSource autoCommitOff() {
        autoCommitOff = true;
        return this;
    }

    HookedDataSource failingRollback() {
        failingRollback = true;
        return this;
    }

    HookedDataSource failingSavepointRollback() {
        failingSavepointRollback = true;
        return this;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection leased = target.getConnection();
        if (autoCommitOff) {
            leased.setAutoCommit(false);
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close") && autoCommitOff && !leased.isClosed()) {
                        leased.rollback();
                        leased.setAutoCommit(true);
                    } else if (name.equals("setSavepoint")) {
                        savepointsSet.incrementAndGet();
                    } else if (name.equals("releaseSavepoint")) {
                        savepointsReleased.incrementAndGet();
                    } else if (name.equals("rollback") && args != null) {
                        savepointsRolledBack.incrementAndGet();
                        if (failingSavepointRollback) {
                            throw new SQLException("the rollback to the savepoint failed (injected)");
                        }
                    }
                    Object result;
                    try {
                        result = method.invoke(leased, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (name.equals("rollback") && args == null) {
                        rollbacks.incrementAndGet();
                        if (failingRollback) {
                            throw new SQLException("the rollback failed too (injected)");
                        }
                    }
                    return result;
                });
    }
}
