package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.benchmarks.fixture.DocumentPolicy;
import dev.warden.benchmarks.fixture.SecuredDocument;
import org.junit.jupiter.api.Test;

/** The proxy benchmarks make working proxies; the constraint runs when a proxy is made, not when it is read. */
class ProxyBenchmarkTest {
    @Test
    void proxiesForBothUsers() {
        ProxyBenchmark benchmark = new ProxyBenchmark();
        benchmark.setUp();
        assertEquals(benchmark.document, benchmark.plainWrapper().document());
        SecuredDocument manager = benchmark.wardenProxyUnconstrainedRule();
        assertTrue(manager.canWrite(DocumentPolicy.Member.BODY));
        SecuredDocument reader = benchmark.wardenProxyConstrainedRule();
        assertEquals("Own body", reader.getBody());
    }

    @Test
    void theConstraintRunsOncePerProxyAndNeverPerRead() {
        ProxyFacts.ConstraintRuns runs = ProxyFacts.constraintRuns(10, 1000);
        assertTrue(runs.perProxy() > 0, "the constraint ran when the proxy was made");
        assertEquals(2000, runs.reads());
        assertEquals(0, runs.duringReads());
    }
}
