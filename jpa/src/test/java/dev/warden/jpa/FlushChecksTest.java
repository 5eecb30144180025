package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import fixture.shop.Invoice;
import fixture.shop.Note;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flush checks and the bulk statements on a real Hibernate, on H2 and PostgreSQL. */
class FlushChecksTest {
    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private void asClerk(String database, Consumer<EntityManager> work) {
        if (factory == null) {
            factory = Shop.open(database);
        }
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            Shop.inTransaction(factory, work);
        }
    }

    private Invoice stored(long id) {
        try (SecurityContext.Scope system = SecurityContext.system()) {
            EntityManager em = factory.createEntityManager();
            try {
                return em.find(Invoice.class, id);
            } finally {
                em.close();
            }
        }
    }

    private static AccessDeniedException denied(Runnable work) {
        RuntimeException thrown = assertThrows(RuntimeException.class, work::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denial) {
                return denial;
            }
        }
        throw new AssertionError("expected an AccessDeniedException", thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInsertFillsTheOwner(String database) {
        asClerk(database, em -> {
            Invoice invoice = new Invoice(4L, "paper", null);
            invoice.setOwner(2L); // not the clerk's to choose
            em.persist(invoice);
        });
        assertEquals(1L, stored(4L).getOwner());
    }

    private Note storedNote(long id) {
        try (SecurityContext.Scope system = SecurityContext.system()) {
            EntityManager em = factory.createEntityManager();
            try {
                return em.find(Note.class, id);
            } finally {
                em.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInsertStoresEveryMemberWardenFillsIn(String database) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        asClerk(database, em -> em.persist(new Note(7L, "call back")));
        Note stored = storedNote(7L);
        assertEquals(1L, stored.getOwner());
        assertNotNull(stored.getCreated(), "created");
        assertFalse(stored.getCreated().isBefore(before), stored.getCreated() + " before " + before);
        assertFalse(stored.getCreated().isAfter(Instant.now()), "created in the future");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUpdateStoresWhoChangedTheObjectAndWhen(String database) {
        factory = Shop.open(database);
        try (SecurityContext.Scope manager = SecurityContext.open(Shop.MANAGER)) {
            Shop.inTransaction(factory, em -> em.persist(new Note(8L, "order paper")));
        }
        Note created = storedNote(8L);
        assertEquals(9L, created.getOwner());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        asClerk(database, em -> em.find(Note.class, 8L).setText("order more paper"));
        Note changed = storedNote(8L);
        assertEquals("order more paper", changed.getText());
        assertEquals(1L, changed.getChangedBy());
        assertNotNull(changed.getChanged(), "changed date");
        assertFalse(changed.getChanged().isBefore(before), changed.getChanged() + " before " + before);
        assertEquals(9L, changed.getOwner());
        assertEquals(created.getCreated(), changed.getCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInsertSettingAMemberTheUserMayNotWriteIsDenied(String database) {
        AccessDeniedException denial = denied(() -> asClerk(database, em -> {
            em.persist(new Invoice(4L, "paper", 12L));
            em.flush();
        }));
        assertEquals("Invoice", denial.entity());
        assertEquals("amount", denial.member().orElseThrow());
        assertEquals(null, stored(4L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anInsertWithoutTheCreateRightIsDenied(String database) {
        AccessDeniedException denial = denied(() -> asClerk(database, em -> {
            em.persist(new fixture.shop.SecretInvoice(4L, "bonus", null));
            em.flush();
        }));
        assertEquals("SecretInvoice", denial.entity());
        assertEquals(Operation.CREATE, denial.operation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUpdateChecksOnlyTheDirtyMembers(String database) {
        asClerk(database, em -> em.find(Invoice.class, 1L).setTitle("rent, March"));
        assertEquals("rent, March", stored(1L).getTitle());
        AccessDeniedException denial = denied(() -> asClerk(database, em -> {
            Invoice invoice = em.find(Invoice.class, 1L);
            invoice.setTitle("rent, April");
            invoice.setAmount(1L);
        }));
        assertEquals("amount", denial.member().orElseThrow());
        assertEquals(Operation.WRITE, denial.operation());
        assertEquals("rent, March", stored(1L).getTitle()); // rolled back
        assertEquals(500L, stored(1L).getAmount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anUpdateMovingTheObjectOutOfReachIsDenied(String database) {
        // Managers may write the owner; the write check is on the new state for clerks.
        denied(() -> asClerk(database, em -> em.find(Invoice.class, 1L).setOwner(2L)));
        assertEquals(1L, stored(1L).getOwner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeleteWithoutTheDeleteRightIsDenied(String database) {
        factory = Shop.open(database);
        AccessDeniedException denial = denied(() -> asClerk(database, em -> em.remove(
                em.find(fixture.shop.Line.class, 11L))));
        assertEquals("Line", denial.entity());
        assertEquals(Operation.DELETE, denial.operation());
        asClerk(database, em -> em.persist(new Invoice(5L, "stamps", null)));
        asClerk(database, em -> em.remove(em.find(Invoice.class, 5L)));
        assertEquals(null, stored(5L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void bulkStatementsAreRefusedButForTheSystem(String database) {
        factory = Shop.open(database);
        for (int i = 0; i < 2; i++) {
            try (SecurityContext.Scope system = SecurityContext.system()) {
                Shop.inTransaction(factory, em -> em.createQuery("update Invoice set note = 'seen'").executeUpdate());
            }
            AccessDeniedException denial = denied(() -> asClerk(database,
                    em -> em.createQuery("update Invoice set note = 'seen'").executeUpdate()));
            assertEquals("Invoice", denial.entity());
            assertEquals(Operation.WRITE, denial.operation());
            denied(() -> asClerk(database, em -> em.createQuery("delete from Line").executeUpdate()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void withoutAContextNothingIsFlushed(String database) {
        factory = Shop.open(database);
        denied(() -> Shop.inTransaction(factory, em -> em.persist(new Invoice(4L, "paper", null))));
    }
}
