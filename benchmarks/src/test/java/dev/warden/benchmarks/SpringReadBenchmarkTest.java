package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.benchmarks.spring.SpringDocument;
import dev.warden.benchmarks.spring.SpringDocuments;
import dev.warden.benchmarks.spring.SpringSecurityConfig;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Spring Security really checks the getters the Spring benchmarks call, with the same outcome as Warden's. */
class SpringReadBenchmarkTest {
    @Test
    void theReaderReadsTheirOwnDocumentThroughAnAuthorizationProxy() {
        SpringReadBenchmark benchmark = new SpringReadBenchmark();
        benchmark.setUp();
        try {
            assertNotEquals(SpringDocument.class, benchmark.proxy.getClass(), "not wrapped in a proxy");
            assertEquals("Own title", benchmark.springTitleUnconstrainedRule());
            assertEquals("Own body", benchmark.springBodyConstrainedRule());
            assertNotEquals(SpringDocument.class, benchmark.springProxy().getClass());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void theExpressionsDenyWhatWardensRulesDeny() {
        try (var context = SpringSecurityConfig.start()) {
            SpringDocuments documents = context.getBean(SpringDocuments.class);
            SpringSecurityConfig.signIn("READER");
            SpringDocument other = documents.find(SpringSecurityConfig.OTHER_DOCUMENT);
            assertEquals("Other title", other.getTitle());
            assertThrows(AccessDeniedException.class, other::getBody);

            SpringSecurityConfig.signIn("REGIONAL");
            SpringDocument own = documents.find(SpringSecurityConfig.OWN_DOCUMENT);
            assertEquals("Own body", own.getBody());
            SpringDocument south = documents.find(SpringSecurityConfig.OTHER_DOCUMENT);
            assertThrows(AccessDeniedException.class, south::getTitle);

            SpringSecurityConfig.signIn("MANAGER");
            assertEquals("Other body", documents.find(SpringSecurityConfig.OTHER_DOCUMENT).getBody());
        } finally {
            SpringSecurityConfig.signOut();
        }
    }
}
