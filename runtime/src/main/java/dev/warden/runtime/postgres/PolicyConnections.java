package dev.warden.runtime.postgres;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.ConnectionProvider;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link ConnectionProvider} that hands out connections with a user's {@link PolicySettings}, so that the
 * generated row-level security policies filter every statement on them for that user. On a connection in a
 * transaction (the caller's, or one with auto-commit off) the settings are local to that transaction
 * ({@code set_config(..., true)}); on a connection in auto-commit mode they are set for the session and emptied
 * when the connection is given back, before it returns to its pool.
 *
 * <pre>{@code
 * WardenData data = PolicyConnections.data(dataSource, Dialect.postgreSql(), ctx, Filter.WARDEN_AND_DATABASE);
 * }</pre>
 */
public final class PolicyConnections implements ConnectionProvider {

    /** Who filters the rows. */
    public enum Filter {
        /**
         * Both: Warden's filter, masking and write checks in the statements, and the database's policies under them
         * (defence in depth; the answers are the same).
         */
        WARDEN_AND_DATABASE,
        /**
         * The database alone: the statements carry no Warden filter, and the policies decide which rows are read,
         * inserted, updated and deleted. Warden then acts as the system for the statements (no masking of members,
         * no member write rights, no {@code @Owner} filled in): use it where the policies say all that matters,
         * such as lists and reports, or to compare the two.
         */
        DATABASE_ONLY
    }

    private final ConnectionProvider target;
    private final SecurityContext ctx;
    private final Set<Connection> sessionSettings = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    /**
     * Connections from {@code target} with the settings of {@code ctx}.
     *
     * @param target where the connections come from
     * @param ctx whose settings they get
     */
    public PolicyConnections(ConnectionProvider target, SecurityContext ctx) {
        this.target = Objects.requireNonNull(target, "target");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Data access for one user over PostgreSQL with the generated policies applied.
     *
     * @param dataSource the database; its connections' role must not be the tables' owner (unless the build forces
     *     row-level security) nor have {@code BYPASSRLS}
     * @param dialect the dialect, {@link Dialect#postgreSql()}
     * @param ctx the user's context
     * @param filter who filters
     * @return the data access, acting for {@code ctx}
     */
    public static WardenData data(DataSource dataSource, Dialect dialect, SecurityContext ctx, Filter filter) {
        return data(ConnectionProvider.of(dataSource), dialect, ctx, filter);
    }

    /**
     * Data access for one user over the connections of a provider, with the generated policies applied.
     *
     * @param connections the connections
     * @param dialect the dialect, {@link Dialect#postgreSql()}
     * @param ctx the user's context
     * @param filter who filters
     * @return the data access, acting for {@code ctx}
     */
    public static WardenData data(ConnectionProvider connections, Dialect dialect, SecurityContext ctx, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        WardenData data = WardenData.of(new PolicyConnections(connections, ctx), dialect);
        return data.as(filter == Filter.WARDEN_AND_DATABASE ? ctx : SecurityContext.systemOf(ctx.application()));
    }

    @Override
    public Connection acquire() throws SQLException {
        Connection connection = target.acquire();
        try {
            boolean local = target.inCallerTransaction(connection) || !connection.getAutoCommit();
            PolicySettings.apply(connection, ctx, local);
            if (!local) {
                sessionSettings.add(connection);
            }
        } catch (SQLException | RuntimeException e) {
            target.release(connection);
            throw e;
        }
        return connection;
    }

    @Override
    public boolean inCallerTransaction(Connection connection) {
        return target.inCallerTransaction(connection);
    }

    @Override
    public void release(Connection connection) throws SQLException {
        try {
            if (sessionSettings.remove(connection)) {
                if (!connection.getAutoCommit()) {
                    // a failed transaction of Warden's own is rolled back already; make sure the reset can run
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                PolicySettings.clear(connection, ctx);
            }
        } finally {
            target.release(connection);
        }
    }

    @Override
    public void setRollbackOnly(Connection connection) {
        target.setRollbackOnly(connection);
    }

    @Override
    public String toString() {
        return "PolicyConnections[" + target + " for " + ctx + "]";
    }
}
