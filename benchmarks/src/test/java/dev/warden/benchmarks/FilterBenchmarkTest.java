package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.benchmarks.fixture.BenchModule;
import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.DocumentPolicy;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecurityContext;
import org.junit.jupiter.api.Test;

/** The decisions the filter benchmarks build are the right ones. No timing. */
class FilterBenchmarkTest {
    private final FilterBenchmark benchmark = new FilterBenchmark();

    FilterBenchmarkTest() {
        benchmark.setUp();
    }

    @Test
    void rolesAndTokens() {
        assertEquals("d.owner = ?", benchmark.constant());
        assertEquals(BenchModule.READER, benchmark.rolesInCachedContext());
        assertEquals(BenchModule.READER, benchmark.rolesInNewContext());
        assertEquals("North", benchmark.tokenValue());
    }

    @Test
    void decisions() {
        int title = DocumentPolicy.Member.TITLE.ordinal();
        int body = DocumentPolicy.Member.BODY.ordinal();
        Rights rights = benchmark.rightsConstrainedRule();
        assertTrue(rights.visible());
        assertTrue(rights.canRead(title));
        assertTrue(rights.canRead(body));
        assertFalse(rights.canWrite(title));
        assertTrue(benchmark.visibleTokenConstraint());
        assertTrue(benchmark.visibleNewContext());
    }

    @Test
    void sqlReadFilters() {
        assertEquals("(d.owner IS NOT NULL AND d.owner = ?)", benchmark.sqlReadFilter().sql());
        assertEquals(java.util.List.of(ReadBenchmark.READER_ID), benchmark.sqlReadFilter().values());
        assertEquals("(d.region IS NOT NULL AND d.region = ?)", benchmark.sqlReadFilterToken().sql());
        assertEquals(java.util.List.of("North"), benchmark.sqlReadFilterToken().values());
        assertEquals(benchmark.sqlReadFilterToken(), benchmark.sqlReadFilterNewContext());
    }

    @Test
    void theSameDecisionsDenyOtherObjects() {
        Document south = new Document(2L, "Other title", "Other body", 8L, "South");
        Rights rights = benchmark.rules.rights(benchmark.reader, south);
        assertTrue(rights.visible(), "the unconstrained title rule makes it visible");
        assertFalse(rights.canRead(DocumentPolicy.Member.BODY.ordinal()));
        assertFalse(benchmark.rules.isVisible(benchmark.regional, south));
        assertFalse(benchmark.rules.isVisible(SecurityContext.of(benchmark.app, benchmark.regionalUser
                .withAttribute("Region", null)), benchmark.document), "no token value, no access");
    }
}
