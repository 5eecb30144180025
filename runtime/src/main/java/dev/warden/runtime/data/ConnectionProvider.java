package dev.warden.runtime.data;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where {@link WardenData} gets its connections, and whose transaction each one is in: the service provider
 * interface that lets Warden take part in transactions it does not own (Spring's, an application's own JDBC
 * transaction) instead of beginning its own.
 *
 * <p>For each operation ({@code find}, {@code list}, {@code insert}, ...) Warden calls {@link #acquire}, runs its
 * statements, and calls {@link #release}, whether the operation succeeded or not; for a write or an
 * {@link WardenData#inTransaction} it first asks {@link #inCallerTransaction} about the connection. (Inside an
 * {@code inTransaction} of Warden's own, operations run on its connection and do not come here.) What it does
 * depends on the answer:
 *
 * <table>
 *   <caption>What Warden does with a connection</caption>
 *   <tr><th></th><th>not in a caller's transaction (Warden's own)</th><th>in a caller's transaction</th></tr>
 *   <tr><td>a read</td><td>runs its select</td><td>runs its select, and sees the transaction's own rows</td></tr>
 *   <tr><td>a write</td>
 *       <td>turns auto-commit off, runs its statements and the write check, commits, or rolls back when they
 *           fail; then restores auto-commit</td>
 *       <td>sets a savepoint, runs its statements and the write check, releases the savepoint, or rolls back to it
 *           when they fail, so that no later statement of the transaction sees a write the rules denied; when the
 *           rules denied the write, or rolling back to the savepoint failed, it also calls
 *           {@link #setRollbackOnly}</td></tr>
 *   <tr><td>{@link WardenData#inTransaction}</td>
 *       <td>keeps the connection for the work, bound to the thread (every operation of the work runs on it, a
 *           write up to a savepoint), and commits it when the work returns or rolls it back when it throws</td>
 *       <td>runs the work, whose operations acquire their connections here as usual, and calls
 *           {@link #setRollbackOnly} when it throws</td></tr>
 * </table>
 *
 * <p>On a connection in a caller's transaction Warden never calls {@code commit}, {@code rollback()},
 * {@code setAutoCommit} or {@code close}: the transaction and the connection are the caller's to end. A write
 * there needs the connection's auto-commit off (else the database would commit the row before the write check
 * could undo it); Warden refuses it with an {@link IllegalStateException} before any statement otherwise.
 *
 * <p>Why a denied write marks the caller's transaction rollback-only although its savepoint has undone it already:
 * the caller's unit of work went on past a write the rules forbid, and what it did before and after may depend on
 * that write; committing the rest would store a half of it. This is what Spring does when a
 * {@code @Transactional} method that takes part in an outer transaction throws. A caller who wants to go on and
 * commit after a denial asks first ({@code OrderPolicy.canWrite}, {@code rights}) or runs the write in a nested
 * transaction of its own (Spring's {@code PROPAGATION_NESTED} or {@code REQUIRES_NEW}). Inside Warden's own
 * {@link WardenData#inTransaction} a denied write undoes only itself, as before: the work that catches the
 * denial is the transaction's owner.
 *
 * <p>Implementations:
 *
 * <ul>
 *   <li>{@link #of(DataSource)}: a connection of its own from the data source for each operation, never in a
 *       caller's transaction: what {@link WardenData#of(DataSource)} uses.</li>
 *   <li>{@link CallerTransaction}: the caller holds one JDBC connection with a transaction open and hands it to
 *       Warden; its {@link CallerTransaction#commit() commit} honours the rollback-only mark.</li>
 *   <li>A framework's, such as Spring's in {@code warden-spring}: {@code acquire} and {@code release} as its
 *       {@code DataSourceUtils.getConnection} and {@code releaseConnection}, {@code inCallerTransaction} as "a
 *       transaction is active and this connection is bound to it", {@code setRollbackOnly} on the current
 *       transaction.</li>
 * </ul>
 *
 * <p>Implementations must be thread-safe: one {@link WardenData} serves every thread.
 */
public interface ConnectionProvider {
    /**
     * A connection for one operation of Warden, or for one {@link WardenData#inTransaction} that is not in a
     * caller's transaction. Called once per operation; the connection is given back with {@link #release}.
     *
     * @return the connection: the one of the caller's transaction active on this thread, or one of Warden's own
     * @throws SQLException when no connection can be had; Warden reports it as a {@link DataAccessException}
     */
    Connection acquire() throws SQLException;

    /**
     * Whether a connection from {@link #acquire} is in a transaction that the caller began and will end. Warden
     * then never commits, rolls back, closes or changes the auto-commit of it, uses savepoints for its own
     * statements, and reports denied writes with {@link #setRollbackOnly}.
     *
     * @param connection a connection {@link #acquire} returned and that is not released yet
     * @return true for the caller's transaction; false for a connection Warden may begin and end transactions on
     */
    boolean inCallerTransaction(Connection connection);

    /**
     * Gives back a connection from {@link #acquire}, once per acquire, after the operation, whether it succeeded or
     * not. A connection of Warden's own is closed (returned to its pool); the connection of a caller's transaction
     * stays open.
     *
     * @param connection the connection
     * @throws SQLException when giving it back fails; Warden reports it as a {@link DataAccessException}, or adds
     *     it to the operation's own failure
     */
    void release(Connection connection) throws SQLException;

    /**
     * Marks the caller's transaction so that it can only roll back: Warden denied a write in it (the write itself
     * is undone already, up to its savepoint), rolling back to a savepoint failed, or the work of a
     * {@link WardenData#inTransaction} that took part in it threw. Warden calls this only for a connection in a
     * caller's transaction, and before it throws the operation's exception.
     *
     * @param connection the connection of the transaction, not released yet
     * @throws RuntimeException when the transaction cannot be marked; Warden adds it to the operation's own
     *     failure, which it throws all the same
     */
    void setRollbackOnly(Connection connection);

    /**
     * Connections of Warden's own from a data source, one per operation, never in a caller's transaction: what
     * Warden did before this interface existed.
     *
     * <p>Do not use it over a data source that hands out the connection of a transaction of someone else (such as
     * Spring's {@code TransactionAwareDataSourceProxy}): Warden would commit that transaction. Use the
     * framework's provider, or {@link CallerTransaction}, there.
     *
     * @param dataSource the data source
     * @return the provider
     */
    static ConnectionProvider of(DataSource dataSource) {
        return new DataSourceConnectionProvider(dataSource);
    }
}
