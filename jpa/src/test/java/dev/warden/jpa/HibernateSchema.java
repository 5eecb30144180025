package dev.warden.jpa;

import dev.warden.runtime.data.WardenData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Entities on a fresh database of a kind ("h2" or "postgresql") with the schema Hibernate creates from them
 * ({@code drop-and-create}), and WardenData over the same database; Warden's Hibernate listeners are off unless asked
 * for, so that what Hibernate writes is what JPA alone would.
 */
final class HibernateSchema implements AutoCloseable {
    final DataSource dataSource;
    final EntityManagerFactory factory;
    final WardenData data;

    HibernateSchema(String database, Class<?>... entities) {
        this(database, false, entities);
    }

    /** With or without Warden's Hibernate listeners (the flush checks and the safety net). */
    HibernateSchema(String database, boolean wardenListeners, Class<?>... entities) {
        dataSource = "h2".equals(database) ? Shop.h2() : Shop.postgres();
        factory = new HibernatePersistenceConfiguration("schema")
                .managedClasses(entities)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create")
                .property(WardenJpa.ENABLED, String.valueOf(wardenListeners))
                .createEntityManagerFactory();
        data = WardenData.of(dataSource);
    }

    /** Runs work in a Hibernate transaction and returns what it returns. */
    <R> R inTransaction(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The value of a query's first column in its first row, read with plain JDBC. */
    Object scalar(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
