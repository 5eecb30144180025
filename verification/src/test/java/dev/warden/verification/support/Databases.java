package dev.warden.verification.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The two real databases of the suites: H2 in memory and a PostgreSQL server started from the embedded binaries. */
public final class Databases implements AutoCloseable {
    private static final AtomicInteger H2_NAMES = new AtomicInteger();

    /** H2 in memory. */
    public final DataSource h2;
    /** PostgreSQL (one server for the whole test class). */
    public final DataSource postgres;
    private final EmbeddedPostgres server;
    private final Pool h2Pool;
    private final Pool postgresPool;

    private Databases(DataSource h2, EmbeddedPostgres server) {
        this.h2Pool = new Pool(h2);
        this.postgresPool = new Pool(server.getPostgresDatabase());
        this.h2 = h2Pool;
        this.postgres = postgresPool;
        this.server = server;
    }

    /** Starts both. */
    public static Databases start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:verify" + H2_NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        try {
            return new Databases(h2, EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /**
     * A new database of the PostgreSQL server whose strings sort by code point ({@code C} collation, as the tables
     * the suites create themselves declare per column), for a schema another program creates (Hibernate's
     * {@code hbm2ddl}).
     */
    public DataSource postgresDatabase(String name) {
        execute(postgres, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new Pool(server.getDatabase("postgres", name));
    }

    /** Runs DDL or other statements with plain JDBC. */
    public static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            execute(h2Pool, "SHUTDOWN");
        } finally {
            h2Pool.clear();
            postgresPool.clear();
            server.close();
        }
    }

    /**
     * A minimal pool: connections are reused, so that thousands of statements do not each open one. A connection
     * comes back rolled back and in auto-commit mode.
     */
    static final class Pool implements DataSource {
        private final DataSource target;
        private final Deque<Connection> idle = new ArrayDeque<>();

        Pool(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real;
            synchronized (idle) {
                real = idle.poll();
            }
            if (real == null) {
                real = target.getConnection();
            }
            Connection connection = real;
            boolean[] closed = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!closed[0]) {
                                closed[0] = true;
                                try {
                                    if (!connection.getAutoCommit()) {
                                        connection.rollback();
                                        connection.setAutoCommit(true);
                                    }
                                } catch (SQLException broken) {
                                    connection.close();
                                    return null;
                                }
                                synchronized (idle) {
                                    idle.push(connection);
                                }
                            }
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return closed[0];
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        void clear() {
            synchronized (idle) {
                for (Connection c : idle) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing anyway
                    }
                }
                idle.clear();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
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
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
