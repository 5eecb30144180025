package dev.warden.runtime.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The connections and transactions of {@link WardenData} over one data source: reads on a connection of their own,
 * writes in a transaction of their own, and {@link WardenData#inTransaction} binding one connection to the thread,
 * in which each write runs up to a savepoint. Thread-safe.
 */
final class Transactions {
    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    Transactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Runs reads on the transaction's connection, or on a connection of their own. */
    <R> R read(String what, SqlWork<R> work) {
        Connection joined = transaction.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /**
     * Runs writes in a transaction of their own, or inside the current one up to a savepoint, and rolls back
     * everything they did when they throw.
     */
    <R> R write(String what, SqlWork<R> work) {
        Connection joined = transaction.get();
        try {
            if (joined != null) {
                Savepoint savepoint = joined.setSavepoint();
                try {
                    R result = work.run(joined);
                    joined.releaseSavepoint(savepoint);
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    joined.rollback(savepoint);
                    throw e;
                }
            }
            try (Connection connection = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /** Runs work in one transaction bound to this thread; see {@link WardenData#inTransaction}. */
    <R> R inTransaction(WardenData.TransactionWork<R> work) {
        Objects.requireNonNull(work, "work");
        if (transaction.get() != null) {
            return runWork(work);
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("begin a transaction", e);
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                R result = runWork(work);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                transaction.remove();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("run a transaction", e);
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

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
