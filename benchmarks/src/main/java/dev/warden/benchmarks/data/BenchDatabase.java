package dev.warden.benchmarks.data;

import dev.warden.benchmarks.fixture.Invoice;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A database with an {@code invoices} table of {@code rows} rows for the query benchmarks (items 4 and 5): H2 in
 * memory or an embedded PostgreSQL server. Row {@code i} (from 1) belongs to the reader ({@link #READER_ID}) when
 * {@code i % 100 == 0}, so 1% of the rows are visible to them, and to one of 5000 other users otherwise;
 * {@code owner} has an index. On PostgreSQL the table also has a row-level security policy with the same rule,
 * for the database role {@value #RLS_ROLE}.
 */
public final class BenchDatabase implements AutoCloseable {
    /** Which database. */
    public enum Kind { H2, POSTGRESQL }

    /** The user who sees 1% of the rows. */
    public static final long READER_ID = 7L;
    /** The restricted PostgreSQL role whose queries the row-level security policy filters. */
    public static final String RLS_ROLE = "bench_reader";
    /** The columns every arm selects, in the order {@link #invoice} reads them. */
    public static final String COLUMNS = "id, owner, title, amount, region";

    private final Kind kind;
    private final Connection connection;
    private final AutoCloseable server;
    private Connection rlsConnection;

    private BenchDatabase(Kind kind, Connection connection, AutoCloseable server) {
        this.kind = kind;
        this.connection = connection;
        this.server = server;
    }

    /** Starts the database and loads {@code rows} invoices. */
    public static BenchDatabase start(Kind kind, int rows) {
        try {
            BenchDatabase db;
            if (kind == Kind.H2) {
                Connection connection = DriverManager.getConnection("jdbc:h2:mem:bench" + System.nanoTime());
                db = new BenchDatabase(kind, connection, connection);
            } else {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
                db = new BenchDatabase(kind, server.getPostgresDatabase().getConnection(), server);
            }
            db.load(rows);
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start " + kind, e);
        }
    }

    private void load(int rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, owner BIGINT NOT NULL, title VARCHAR(100), "
                    + "amount BIGINT, region VARCHAR(20))");
            if (kind == Kind.H2) {
                s.execute("INSERT INTO invoices SELECT X, CASE WHEN MOD(X, 100) = 0 THEN " + READER_ID
                        + " ELSE 1000 + MOD(X, 5000) END, 'Invoice ' || X, MOD(X * 37, 100000), "
                        + "CASE MOD(X, 4) WHEN 0 THEN 'North' WHEN 1 THEN 'South' WHEN 2 THEN 'East' ELSE 'West' END "
                        + "FROM SYSTEM_RANGE(1, " + rows + ")");
                s.execute("CREATE INDEX invoices_owner ON invoices (owner)");
                s.execute("ANALYZE");
            } else {
                s.execute("INSERT INTO invoices SELECT x, CASE WHEN x % 100 = 0 THEN " + READER_ID
                        + " ELSE 1000 + x % 5000 END, 'Invoice ' || x, (x * 37) % 100000, "
                        + "(ARRAY['North', 'South', 'East', 'West'])[x % 4 + 1] FROM generate_series(1, " + rows + ") x");
                s.execute("CREATE INDEX invoices_owner ON invoices (owner)");
                s.execute("VACUUM ANALYZE invoices");
                s.execute("CREATE ROLE " + RLS_ROLE + " NOLOGIN");
                s.execute("GRANT SELECT ON invoices TO " + RLS_ROLE);
                s.execute("ALTER TABLE invoices ENABLE ROW LEVEL SECURITY");
                s.execute("CREATE POLICY invoices_own ON invoices FOR SELECT TO " + RLS_ROLE
                        + " USING (owner = current_setting('warden.user_id')::bigint)");
            }
        }
    }

    /** Which database this is. */
    public Kind kind() {
        return kind;
    }

    /** The table owner's connection (row-level security does not apply to it). */
    public Connection connection() {
        return connection;
    }

    /** A data source that hands out the table owner's connection, whose {@code close()} does nothing. */
    public DataSource dataSource() {
        return new SingleConnectionDataSource(connection);
    }

    /**
     * A second PostgreSQL connection, switched to {@value #RLS_ROLE} with {@code warden.user_id} set to the
     * reader: what the row-level security policy filters.
     */
    public Connection rlsConnection() throws SQLException {
        if (kind != Kind.POSTGRESQL) {
            throw new IllegalStateException("Row-level security is measured on PostgreSQL only");
        }
        if (rlsConnection == null) {
            EmbeddedPostgres server = (EmbeddedPostgres) this.server;
            rlsConnection = server.getPostgresDatabase().getConnection();
            try (Statement s = rlsConnection.createStatement()) {
                s.execute("SET ROLE " + RLS_ROLE);
                s.execute("SET warden.user_id = '" + READER_ID + "'");
            }
        }
        return rlsConnection;
    }

    /** Runs a query with the given values bound, and makes an invoice of each row. */
    public static List<Invoice> invoices(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                List<Invoice> invoices = new ArrayList<>();
                while (row.next()) {
                    invoices.add(invoice(row));
                }
                return invoices;
            }
        }
    }

    /** The invoice in the current row of a result of {@link #COLUMNS}. */
    public static Invoice invoice(ResultSet row) throws SQLException {
        return new Invoice(row.getLong(1), row.getLong(2), row.getString(3), row.getObject(4, Long.class),
                row.getString(5));
    }

    @Override
    public void close() throws Exception {
        try {
            if (rlsConnection != null) {
                rlsConnection.close();
            }
            connection.close();
        } finally {
            if (server != connection) {
                server.close();
            }
        }
    }

    /** Hands out one connection, whose {@code close()} does nothing: a pool of one, the same for every arm. */
    static final class SingleConnectionDataSource implements DataSource {
        private final Connection connection;
        private final Connection unclosable;

        SingleConnectionDataSource(Connection connection) {
            this.connection = connection;
            this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return unclosable;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return unclosable;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(connection)) {
                return iface.cast(connection);
            }
            throw new SQLException("Not a wrapper of " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
