package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Warden refuses a Hibernate older than 7.4 with a message that says what to change (Spring Boot 4.0 manages 7.2). */
class HibernateVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"7.2.19.Final", "7.3.13.Final", "6.6.0.Final"})
    void anOlderHibernateIsRefusedNamingItsVersionAndTheFix(String version) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> WardenJpa.requireSupportedHibernate(version));
        assertTrue(refused.getMessage().contains("needs Hibernate ORM 7.4 or later"), refused.getMessage());
        assertTrue(refused.getMessage().contains("runs Hibernate ORM " + version), refused.getMessage());
        assertTrue(refused.getMessage().contains("hibernate.version"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.4.0.Final", "7.4.15.Final", "7.10.1", "8.0.0.Final", "[WORKING]"})
    void aSupportedOrUnknownVersionPasses(String version) {
        assertDoesNotThrow(() -> WardenJpa.requireSupportedHibernate(version));
    }

    @Test
    void theHibernateOnThisClassPathPasses() {
        assertDoesNotThrow(() -> WardenJpa.requireSupportedHibernate(org.hibernate.Version.getVersionString()));
    }
}
