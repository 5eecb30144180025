package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import fixture.shop.Invoice;
import fixture.shop.Line;
import fixture.shop.Project;
import fixture.shop.SecuredInvoice;
import fixture.shop.Task;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The safety net on every read path of a real Hibernate, on H2 and PostgreSQL. */
class SafetyNetTest {
    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private <R> R asClerk(String database, Function<EntityManager, R> work) {
        if (factory == null) {
            factory = Shop.open(database);
        }
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            EntityManager em = factory.createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
            }
        }
    }

    /** Unwraps the AccessDeniedException Hibernate may have wrapped. */
    private static AccessDeniedException denied(Runnable read) {
        RuntimeException thrown = assertThrows(RuntimeException.class, read::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denial) {
                return denial;
            }
        }
        throw new AssertionError("expected an AccessDeniedException", thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void findOfAnInvisibleRowIsDenied(String database) {
        asClerk(database, em -> {
            assertEquals("rent", em.find(Invoice.class, 1L).getTitle());
            AccessDeniedException denial = denied(() -> em.find(Invoice.class, 2L));
            assertEquals("Invoice", denial.entity());
            assertEquals(Operation.VIEW, denial.operation());
            // The first-level cache does not keep it either.
            denied(() -> em.find(Invoice.class, 2L));
            return null;
        });
    }

    /** With the read filter off, the safety net alone stands behind queries: a query meeting an invisible row fails. */
    private <R> R asClerkWithoutReadFilter(String database, Function<EntityManager, R> work) {
        factory = Shop.open(database, java.util.Map.of(dev.warden.jpa.query.ReadFilters.SETTING, "false"));
        return asClerk(database, work);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aQueryReturningAnInvisibleRowIsDeniedWithoutTheReadFilter(String database) {
        asClerkWithoutReadFilter(database, em -> {
            denied(() -> em.createQuery("from Invoice", Invoice.class).getResultList());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theReadFilterLeavesInvisibleRowsOutOfAQuery(String database) {
        asClerk(database, em -> {
            // Invoice 2 is clerk 2's; secret invoice 3 is clerk 1's, but only managers see secret invoices.
            assertEquals(List.of(1L), em.createQuery("from Invoice order by id", Invoice.class).getResultList()
                    .stream().map(Invoice::getId).toList());
            assertEquals(1L, em.createQuery("select count(i) from Invoice i", Long.class).getSingleResult());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSpecializationIsJudgedByItsOwnRules(String database) {
        asClerkWithoutReadFilter(database, em -> {
            // Clerk 1 owns secret invoice 3, but only managers see secret invoices.
            AccessDeniedException denial = denied(() -> em.createQuery("from Invoice where owner = 1", Invoice.class)
                    .getResultList());
            assertEquals("SecretInvoice", denial.entity());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNativeQueryMaterializingAnInvisibleEntityIsDenied(String database) {
        asClerk(database, em -> {
            denied(() -> em.createNativeQuery("select * from invoice where id = 2", Invoice.class).getResultList());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lazyCollectionsHoldOnlyVisibleElements(String database) {
        List<Long> lines = asClerk(database, em -> em.find(Invoice.class, 1L).getLines().stream()
                .map(Line::getId).toList());
        assertEquals(List.of(11L), lines);
    }

    /**
     * Project 5 is visible to clerk 1 only through task 51, which the clerk may not see: the constraint is judged over
     * all of the project's tasks (as the policy and the SQL filter do), and the collection the clerk gets still holds
     * only task 52.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aConstraintThroughAToManyIsJudgedOverAllItsObjects(String database) {
        List<Long> tasks = asClerk(database, em -> em.find(Project.class, 5L).getTasks().stream()
                .map(Task::getId).toList());
        assertEquals(List.of(52L), tasks);
        asClerk(database, em -> {
            assertEquals(List.of(5L), em.createQuery("from Project where id = 5", Project.class).getResultList()
                    .stream().map(Project::getId).toList());
            denied(() -> em.find(Project.class, 6L));
            return null;
        });
        // The task's collection, initialized by the user before the project's constraint needs it, is judged the same.
        asClerk(database, em -> {
            Task visible = em.find(Task.class, 52L);
            assertEquals(List.of(52L), visible.getProject().getTasks().stream().map(Task::getId).toList());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLazyToOneToAnInvisibleObjectIsDenied(String database) {
        factory = Shop.open(database);
        try (SecurityContext.Scope system = SecurityContext.system()) {
            Shop.inTransaction(factory, em -> em.persist(new Line(21L, em.getReference(Invoice.class, 2L), "taxi",
                    false)));
        }
        asClerk(database, em -> {
            Line line = em.find(Line.class, 21L);
            denied(() -> line.getInvoice().getTitle());
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void refreshIsJudged(String database) {
        factory = Shop.open(database);
        EntityManager em = factory.createEntityManager();
        try {
            Invoice invoice;
            try (SecurityContext.Scope system = SecurityContext.system()) {
                invoice = em.find(Invoice.class, 2L);
            }
            try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
                denied(() -> em.refresh(invoice));
                // Already in the persistence context, loaded for the system: judged again for the clerk.
                denied(() -> em.find(Invoice.class, 2L));
            }
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void withoutAContextNothingIsLoaded(String database) {
        factory = Shop.open(database);
        EntityManager em = factory.createEntityManager();
        try {
            AccessDeniedException denial = denied(() -> em.find(Invoice.class, 1L));
            assertTrue(denial.getMessage().contains("no security context"), denial.getMessage());
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void theSystemSeesEverything(String database) {
        factory = Shop.open(database);
        try (SecurityContext.Scope system = SecurityContext.system()) {
            EntityManager em = factory.createEntityManager();
            try {
                assertEquals(3, em.createQuery("from Invoice", Invoice.class).getResultList().size());
                assertEquals(2, em.find(Invoice.class, 1L).getLines().size());
            } finally {
                em.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void securedProxiesWorkOverManagedEntities(String database) {
        asClerk(database, em -> {
            SecuredInvoice invoice = SecuredInvoice.of(SecurityContext.current(), em.find(Invoice.class, 1L));
            assertEquals("rent", invoice.getTitle());
            assertEquals(500L, invoice.getAmount());
            denied(() -> invoice.setAmount(1L));
            invoice.setTitle("rent, March");
            assertEquals("rent, March", em.find(Invoice.class, 1L).getTitle());
            return null;
        });
    }
}
