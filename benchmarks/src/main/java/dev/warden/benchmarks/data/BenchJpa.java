package dev.warden.benchmarks.data;

import dev.warden.benchmarks.fixture.jpa.LedgerInvoice;
import dev.warden.jpa.WardenJpa;
import dev.warden.jpa.query.ReadFilters;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Hibernate 7.4 entity manager factories over a {@link BenchDatabase}'s invoices (items 8 and 9): one with
 * Warden's integrator (discovered from warden-jpa's jar, as in an application), one with it turned off
 * ({@value WardenJpa#ENABLED}{@code =false}), the same Hibernate otherwise. Neither has the automatic read filter
 * ({@value ReadFilters#SETTING}{@code =false}): the benchmarks compare the predicate a query is given. The schema
 * is the benchmark's own ({@link #copyInvoices}).
 */
public final class BenchJpa {
    private BenchJpa() {}

    /**
     * Copies the database's invoices into {@code ledger_invoices}, the table of {@link LedgerInvoice}, with the same
     * primary key and index on {@code owner}.
     */
    public static void copyInvoices(BenchDatabase db) {
        try (Statement s = db.connection().createStatement()) {
            s.execute("CREATE TABLE ledger_invoices (id BIGINT PRIMARY KEY, owner BIGINT NOT NULL, title VARCHAR(100), "
                    + "amount BIGINT, region VARCHAR(20))");
            s.execute("INSERT INTO ledger_invoices SELECT " + BenchDatabase.COLUMNS + " FROM invoices");
            s.execute("CREATE INDEX ledger_invoices_owner ON ledger_invoices (owner)");
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the invoices", e);
        }
    }

    /** The settings of a factory on that data source, with Warden on or off. */
    public static Map<String, Object> settings(DataSource dataSource, boolean warden) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        settings.put(WardenJpa.ENABLED, Boolean.toString(warden));
        // Not the automatic read filter (a Hibernate filter in every session): Warden's arms put the generated
        // predicate in the query themselves (WardenJpa.readable, WardenSpecification), as items 8 and 9 measure.
        settings.put(ReadFilters.SETTING, "false");
        return settings;
    }

    /** A factory on that data source, with Warden on or off. */
    public static EntityManagerFactory open(DataSource dataSource, boolean warden) {
        return new HibernatePersistenceConfiguration(warden ? "bench-warden" : "bench-plain")
                .managedClasses(LedgerInvoice.class)
                .properties(settings(dataSource, warden))
                .createEntityManagerFactory();
    }
}
