package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import fixture.shop.Invoice;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Warden starts: discovered from the jar, or integrated by hand where that is turned off. */
class IntegrationTest {

    @Test
    void turnedOffTheFactoryIsNotSecuredUntilIntegrated() {
        EntityManagerFactory factory = Shop.open("h2", Map.of(WardenJpa.ENABLED, "false"));
        try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
            EntityManager em = factory.createEntityManager();
            assertEquals("travel", em.find(Invoice.class, 2L).getTitle());
            em.close();

            WardenJpa.integrate(factory);
            WardenJpa.integrate(factory); // once is enough; twice changes nothing
            EntityManager secured = factory.createEntityManager();
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> secured.find(Invoice.class, 2L));
            assertEquals(AccessDeniedException.class, rootDenial(thrown).getClass());
            secured.close();
        } finally {
            factory.close();
        }
    }

    private static Throwable rootDenial(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return t;
            }
        }
        return thrown;
    }
}
