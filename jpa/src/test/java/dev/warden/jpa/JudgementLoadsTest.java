package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import fixture.shop.Folder;
import fixture.shop.Invoice;
import fixture.shop.Line;
import fixture.shop.Memo;
import fixture.shop.SecretInvoice;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the safety net's own judgements load stays out of the user's session: a memo a clerk may see because its
 * invoice is small is judged through that invoice, which the clerk may not see, and a folder is judged for delete
 * through its memos while Hibernate removes it. Both are judged on a copy read apart ({@code SafetyNet.judgeApart}).
 */
class JudgementLoadsTest {
    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private void open(String database) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, "h2".equals(database) ? Shop.h2() : Shop.postgres());
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        factory = new HibernatePersistenceConfiguration("memos")
                .managedClasses(Invoice.class, SecretInvoice.class, Line.class, Memo.class, Folder.class)
                .properties(settings)
                .createEntityManagerFactory();
        try (SecurityContext.Scope system = SecurityContext.system()) {
            Shop.inTransaction(factory, em -> {
                Invoice mine = new Invoice(1L, "rent", 500L);
                mine.setOwner(1L);
                Invoice theirs = new Invoice(2L, "travel", 90L);
                theirs.setOwner(2L);
                em.persist(mine);
                em.persist(theirs);
                Folder empty = new Folder(31L, "empty");
                Folder kept = new Folder(32L, "kept");
                em.persist(empty);
                em.persist(kept);
                em.persist(new Memo(21L, "about travel", theirs, null));
                em.persist(new Memo(22L, "about rent", mine, null));
                em.persist(new Memo(23L, "keep", theirs, kept));
            });
        }
    }

    private void asClerk(Consumer<EntityManager> work) {
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            Shop.inTransaction(factory, work);
        }
    }

    private static AccessDeniedException denied(Runnable action) {
        RuntimeException thrown = assertThrows(RuntimeException.class, action::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denial) {
                return denial;
            }
        }
        throw new AssertionError("expected an AccessDeniedException", thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMemoIsJudgedThroughAnInvoiceTheClerkMayNotSeeWhichStaysUnloaded(String database) {
        open(database);
        asClerk(em -> {
            Memo memo = em.find(Memo.class, 21L);
            assertEquals("about travel", memo.getText());
            assertFalse(Hibernate.isInitialized(memo.getInvoice()), "the judgement loaded the invoice into the session");
            assertFalse(em.getTransaction().getRollbackOnly(), "judging apart marked the user's transaction");
            AccessDeniedException denial = denied(() -> memo.getInvoice().getTitle());
            assertEquals("Invoice", denial.entity());
            assertEquals(Operation.VIEW, denial.operation());
        });
        asClerk(em -> {
            AccessDeniedException denial = denied(() -> em.find(Memo.class, 22L));
            assertEquals("Memo", denial.entity());
        });
        asClerk(em -> assertEquals(List.of(21L, 23L), em.createQuery("select m from Memo m order by m.id", Memo.class)
                .getResultList().stream().map(Memo::getId).toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFolderIsJudgedForDeleteThroughItsMemosWhileHibernateRemovesIt(String database) {
        open(database);
        asClerk(em -> em.remove(em.find(Folder.class, 31L)));
        try (SecurityContext.Scope system = SecurityContext.system()) {
            Shop.inTransaction(factory, em -> assertEquals(null, em.find(Folder.class, 31L)));
        }
        AccessDeniedException denial = denied(() -> asClerk(em -> em.remove(em.find(Folder.class, 32L))));
        assertEquals("Folder", denial.entity());
        assertEquals(Operation.DELETE, denial.operation());
    }
}
