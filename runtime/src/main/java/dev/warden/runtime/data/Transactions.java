package dev.warden.runtime.data;

import dev.warden.runtime.AccessDeniedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;

/**
 * The connections and transactions of {@link WardenData}, from a {@link ConnectionProvider}: reads on the
 * connection they are given, writes in a transaction of their own or up to a savepoint in the caller's, and
 * {@link WardenData#inTransaction} binding one connection to the thread or taking part in the caller's
 * transaction. {@link ConnectionProvider} says what happens when. Thread-safe.
 */
final class Transactions {
    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    /** A transaction of Warden's own, begun by {@link WardenData#inTransaction} and bound to its thread. */
    private static final class Own {
        final Connection connection;
        /** Why it can only roll back: a write in it failed and could not be undone; null while it can commit. */
        Throwable rollbackOnly;

        Own(Connection connection) {
            this.connection = connection;
        }
    }

    private final ConnectionProvider provider;
    private final ThreadLocal<Own> own = new ThreadLocal<>();

    Transactions(ConnectionProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Runs reads on the connection of the thread's own transaction, or on one from the provider. */
    <R> R read(String what, SqlWork<R> work) {
        Own bound = own.get();
        if (bound == null) {
            return withConnection(what, what, work);
        }
        try {
            return work.run(bound.connection);
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /**
     * Runs writes in a transaction of their own, or up to a savepoint inside the thread's own transaction or the
     * caller's, and undoes everything they did when they throw.
     */
    <R> R write(String what, SqlWork<R> work) {
        Own bound = own.get();
        if (bound == null) {
            return withConnection(what, what, connection -> provider.inCallerTransaction(connection)
                    ? inCallerTransaction(connection, work) : inTransactionOfItsOwn(connection, work));
        }
        try {
            return inSavepoint(bound.connection, work, bound);
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /** Runs work in one transaction; see {@link WardenData#inTransaction} and {@link ConnectionProvider}. */
    <R> R inTransaction(WardenData.TransactionWork<R> work) {
        Objects.requireNonNull(work, "work");
        if (own.get() != null) {
            return runWork(work);
        }
        return withConnection("begin a transaction", "run a transaction",
                connection -> provider.inCallerTransaction(connection) ? takePart(connection, work)
                        : ownTransaction(connection, work));
    }

    /** Acquires a connection, runs work on it and releases it, whatever happens. */
    private <R> R withConnection(String acquiring, String what, SqlWork<R> work) {
        Connection connection;
        try {
            connection = provider.acquire();
        } catch (SQLException e) {
            throw new DataAccessException(acquiring, e);
        }
        if (connection == null) {
            throw new IllegalStateException(provider + " gave no connection");
        }
        R result;
        try {
            result = work.run(connection);
        } catch (SQLException e) {
            DataAccessException failure = new DataAccessException(what, e);
            releaseQuietly(connection, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            releaseQuietly(connection, e);
            throw e;
        }
        try {
            provider.release(connection);
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
        return result;
    }

    /** A write on a connection of Warden's own: auto-commit off, then commit or roll back. */
    private static <R> R inTransactionOfItsOwn(Connection connection, SqlWork<R> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            R result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A write in the caller's transaction: up to a savepoint, never committed here. */
    private <R> R inCallerTransaction(Connection connection, SqlWork<R> work) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("The connection of the caller's transaction is in auto-commit mode, so a "
                    + "write the write check denies could not be undone; " + provider + " must hand out connections "
                    + "with auto-commit off while a transaction is active");
        }
        return inSavepoint(connection, work, null);
    }

    /**
     * A write up to a savepoint, rolled back to it when it fails. In the caller's transaction ({@code bound} null)
     * a denial, or a failure that could not be undone, marks that transaction rollback-only; in the thread's own
     * transaction a failure that could not be undone does.
     */
    private <R> R inSavepoint(Connection connection, SqlWork<R> work, Own bound) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            R result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            boolean undone = rollbackQuietly(connection, savepoint, e);
            if (bound != null) {
                if (!undone) {
                    bound.rollbackOnly = e;
                }
            } else if (!undone || e instanceof AccessDeniedException) {
                setRollbackOnly(connection, e);
            }
            throw e;
        }
    }

    /** {@link WardenData#inTransaction} inside the caller's transaction: its operations take part in it too. */
    private <R> R takePart(Connection connection, WardenData.TransactionWork<R> work) {
        try {
            return runWork(work);
        } catch (RuntimeException | Error e) {
            setRollbackOnly(connection, e);
            throw e;
        }
    }

    /** {@link WardenData#inTransaction} in a transaction of Warden's own, bound to the thread while the work runs. */
    private <R> R ownTransaction(Connection connection, WardenData.TransactionWork<R> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Own bound = new Own(connection);
        own.set(bound);
        try {
            R result = runWork(work);
            if (bound.rollbackOnly != null) {
                throw new IllegalStateException("The transaction was rolled back, not committed: a write in it failed "
                        + "and could not be undone to its savepoint", bound.rollbackOnly);
            }
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            own.remove();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static <R> R runWork(WardenData.TransactionWork<R> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The transaction's work failed", e);
        }
    }

    private void setRollbackOnly(Connection connection, Throwable failure) {
        try {
            provider.setRollbackOnly(connection);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void releaseQuietly(Connection connection, Throwable failure) {
        try {
            provider.release(connection);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Rolls back to a savepoint; false, with the reason added to the failure, when that fails. */
    private static boolean rollbackQuietly(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }
}
