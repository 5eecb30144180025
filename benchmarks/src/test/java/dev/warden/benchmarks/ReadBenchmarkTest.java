package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.SecuredDocument;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import org.junit.jupiter.api.Test;

/** The read benchmarks read what they claim, through a proxy that really checks. No timing. */
class ReadBenchmarkTest {
    @Test
    void securedReadsReturnWhatTheDirectGettersReturn() {
        ReadBenchmark benchmark = new ReadBenchmark();
        benchmark.setUp();
        assertEquals("Own title", benchmark.directTitle());
        assertEquals(benchmark.directTitle(), benchmark.wardenTitleUnconstrainedRule());
        assertEquals("Own body", benchmark.directBody());
        assertEquals(benchmark.directBody(), benchmark.wardenBodyConstrainedRule());
    }

    @Test
    void titleComesFromTheUnconstrainedRuleAndBodyFromTheConstrainedOne() {
        SecurityContext reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(ReadBenchmark.READER_ID, "User"));
        Document someoneElses = new Document(2L, "Other title", "Other body", 8L, "South");
        SecuredDocument proxy = SecuredDocument.of(reader, someoneElses);
        assertEquals("Other title", proxy.getTitle());
        assertThrows(AccessDeniedException.class, proxy::getBody);
    }
}
