package dev.warden.jpa;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import fixture.shop.Invoice;
import fixture.shop.Line;
import fixture.shop.Project;
import fixture.shop.SecretInvoice;
import fixture.shop.Task;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The test shop on a real database, with the schema Hibernate creates: clerk 1 owns invoices 1 (lines 11 and 12, 12
 * internal) and 3 (secret), clerk 2 owns invoice 2. Project 5 has tasks 51 (clerk 1's, internal) and 52 (clerk
 * 2's), project 6 task 61 (clerk 2's): clerk 1 sees project 5 (by the task they cannot see) and task 52, not 6.
 */
final class Shop {
    static final UserIdentity CLERK = UserIdentity.of(1L, "Clerk");
    static final UserIdentity MANAGER = UserIdentity.of(9L, "Manager");

    private static EmbeddedPostgres postgres;

    private Shop() {}

    /** A factory on a fresh database of that kind ("h2" or "postgresql"), with the shop's rows. */
    static EntityManagerFactory open(String database) {
        return open(database, Map.of());
    }

    /** A factory on a fresh database of that kind, with more settings. */
    static EntityManagerFactory open(String database, Map<String, Object> more) {
        DataSource dataSource = "h2".equals(database) ? h2() : postgres();
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        settings.putAll(more);
        EntityManagerFactory factory = new HibernatePersistenceConfiguration("shop")
                .managedClasses(Invoice.class, SecretInvoice.class, Line.class, Project.class, Task.class,
                        fixture.shop.Note.class)
                .properties(settings)
                .createEntityManagerFactory();
        try (SecurityContext.Scope system = SecurityContext.system()) {
            inTransaction(factory, em -> {
                Invoice mine = invoice(1L, 1L, "rent", 500L);
                em.persist(mine);
                em.persist(invoice(2L, 2L, "travel", 90L));
                SecretInvoice secret = new SecretInvoice(3L, "bonus", 1000L);
                secret.setOwner(1L);
                em.persist(secret);
                em.persist(new Line(11L, mine, "desk", false));
                em.persist(new Line(12L, mine, "margin", true));
                Project mineByTask = new Project(5L, "audit");
                Project theirs = new Project(6L, "move");
                em.persist(mineByTask);
                em.persist(theirs);
                em.persist(new Task(51L, mineByTask, 1L, true));
                em.persist(new Task(52L, mineByTask, 2L, false));
                em.persist(new Task(61L, theirs, 2L, false));
            });
        }
        return factory;
    }

    private static Invoice invoice(Long id, Long owner, String title, Long amount) {
        Invoice invoice = new Invoice(id, title, amount);
        invoice.setOwner(owner);
        return invoice;
    }

    static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static int h2Count;

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:shop" + (++h2Count) + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static synchronized DataSource postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return postgres.getPostgresDatabase();
    }
}
