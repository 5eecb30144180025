package dev.warden.runtime.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A JDBC transaction that the caller holds and {@link WardenData} takes part in: plain JDBC code that opened a
 * connection, turned auto-commit off and runs its own statements, then reads and writes secured entities in the
 * same transaction.
 *
 * <pre>{@code
 * try (Connection connection = dataSource.getConnection()) {
 *     connection.setAutoCommit(false);
 *     CallerTransaction transaction = CallerTransaction.of(connection);
 *     WardenData data = WardenData.of(transaction, dialect).as(ctx);
 *     // ... the caller's own statements on the connection ...
 *     data.update(OrderTable.TABLE, order, OrderPolicy.Member.STATUS);
 *     transaction.commit();   // rolls back and throws instead when Warden marked the transaction rollback-only
 * }
 * }</pre>
 *
 * <p>Warden runs every operation on this connection and never commits, rolls back, closes it or changes its
 * auto-commit (see {@link ConnectionProvider} for what it does instead). When it denies a write, it undoes the
 * write up to a savepoint and marks this transaction rollback-only; {@link #commit} then rolls back. Commit with
 * {@link #commit}, not with the connection's own {@code commit()}, so that the mark takes effect.
 *
 * <p>A connection is used by one thread at a time, and so is this transaction.
 */
public final class CallerTransaction implements ConnectionProvider {
    private final Connection connection;
    private volatile boolean rollbackOnly;

    private CallerTransaction(Connection connection) {
        this.connection = connection;
    }

    /**
     * The transaction open on a connection.
     *
     * @param connection the connection, with auto-commit off
     * @return the transaction
     * @throws IllegalArgumentException when the connection is in auto-commit mode: there is no transaction to take
     *     part in, and a write there could not be undone by the write check
     * @throws DataAccessException when the connection cannot say
     */
    public static CallerTransaction of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw new DataAccessException("take part in the caller's transaction", e);
        }
        if (autoCommit) {
            throw new IllegalArgumentException("The connection is in auto-commit mode, so there is no transaction to "
                    + "take part in; call setAutoCommit(false) on it first");
        }
        return new CallerTransaction(connection);
    }

    /** The connection. */
    public Connection connection() {
        return connection;
    }

    /** The connection, for every operation. */
    @Override
    public Connection acquire() {
        return connection;
    }

    /** Always: every connection it hands out is the caller's. */
    @Override
    public boolean inCallerTransaction(Connection leased) {
        return true;
    }

    /** Nothing: the connection stays open for the caller. */
    @Override
    public void release(Connection leased) {
        // the caller closes it
    }

    @Override
    public void setRollbackOnly(Connection leased) {
        rollbackOnly = true;
    }

    /**
     * Whether Warden marked the transaction rollback-only since it began.
     *
     * @return true when {@link #commit} will roll back
     */
    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    /**
     * Commits the transaction, or rolls it back when it is marked rollback-only. The connection then begins the
     * next transaction, which this object stands for from then on.
     *
     * @throws IllegalStateException when it was marked rollback-only; the transaction is rolled back
     * @throws SQLException when the database fails
     */
    public void commit() throws SQLException {
        if (rollbackOnly) {
            rollback();
            throw new IllegalStateException("The transaction was rolled back, not committed: it was marked "
                    + "rollback-only because Warden denied a write in it, could not undo a failed write, or the work "
                    + "of an inTransaction in it threw");
        }
        connection.commit();
    }

    /**
     * Rolls the transaction back. The connection then begins the next transaction, which this object stands for
     * from then on.
     *
     * @throws SQLException when the database fails; the transaction stays marked as it was
     */
    public void rollback() throws SQLException {
        connection.rollback();
        rollbackOnly = false;
    }

    @Override
    public String toString() {
        return "CallerTransaction[" + (rollbackOnly ? "rollback-only" : "active") + "]";
    }
}
