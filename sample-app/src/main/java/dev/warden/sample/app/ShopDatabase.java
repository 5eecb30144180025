package dev.warden.sample.app;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import dev.warden.sample.ShopApplicationSecurityModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The shop's embedded database: a new H2 database in memory, created from {@code db/schema.sql} and filled from
 * {@code db/seed.sql} (both inside the jar). It lives until {@link #close()}; nothing is written to disk.
 */
public final class ShopDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final JdbcDataSource dataSource;
    /** Keeps the in-memory database alive; closing it drops the database. */
    private final Connection keepAlive;
    private final WardenData data;

    private ShopDatabase(JdbcDataSource dataSource, Connection keepAlive) {
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.data = WardenData.of(dataSource, Dialect.h2());
    }

    /**
     * Creates a new database with the schema and the seed data.
     *
     * @return the database
     * @throws IllegalStateException when it cannot be created
     */
    public static ShopDatabase createAndSeed() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:warden-shop-" + COUNTER.incrementAndGet());
        dataSource.setUser("sa");
        Connection keepAlive = null;
        try {
            keepAlive = dataSource.getConnection();
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("RUNSCRIPT FROM 'classpath:/db/schema.sql' CHARSET 'UTF-8'");
                statement.execute("RUNSCRIPT FROM 'classpath:/db/seed.sql' CHARSET 'UTF-8'");
            }
            return new ShopDatabase(dataSource, keepAlive);
        } catch (SQLException e) {
            if (keepAlive != null) {
                try {
                    keepAlive.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("Could not create the embedded database: " + e.getMessage(), e);
        }
    }

    /** The data source, for code that needs plain JDBC (the demo's consistency checks, tests). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The secure data access; acts for {@link SecurityContext#current()} unless given a context with {@code as}. */
    public WardenData data() {
        return data;
    }

    /** The secure data access acting for a context. */
    public WardenData data(SecurityContext ctx) {
        return data.as(ctx);
    }

    /** The secure data access in the system context, where no access rule applies: for sign-in and set-up only. */
    public WardenData system() {
        return data.as(SecurityContext.systemOf(ShopApplicationSecurityModel.INSTANCE));
    }

    /** Drops the database. */
    @Override
    public void close() {
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the embedded database", e);
        }
    }
}
