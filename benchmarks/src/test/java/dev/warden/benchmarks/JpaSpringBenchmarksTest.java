package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.Invoice;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoice;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;

/**
 * Items 8 and 9 measure what they claim: every arm of a comparison returns the same rows (the reader's 1%, or all
 * of them for the safety net's arms), the secured factory and repository really have Warden in them (a row the
 * reader may not see is refused there, not in the plain ones), the count of the page is the reader's. No timing.
 */
class JpaSpringBenchmarksTest {
    private static final int ROWS = 2000;
    /** Enough for the reader's second page of 20 to be full (and its count query to run). */
    private static final int SPRING_DATA_ROWS = 5000;

    private static List<Long> ids(List<LedgerInvoice> invoices) {
        return invoices.stream().map(LedgerInvoice::getId).toList();
    }

    @Test
    void jpaQueries() throws Exception {
        JpaQueryBenchmark benchmark = new JpaQueryBenchmark();
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<LedgerInvoice> expected = benchmark.handWrittenCriteria();
            assertEquals(ROWS / 100, expected.size());
            assertTrue(expected.stream().allMatch(i -> i.getOwner() == BenchDatabase.READER_ID));
            assertEquals(ids(expected), ids(benchmark.wardenCriteria()));
            assertEquals(ids(expected), ids(benchmark.wardenPredicateWithoutSafetyNet()));
            assertEquals(ROWS, benchmark.loadAllWithoutSafetyNet().size());
            assertEquals(ROWS, benchmark.loadAllWithSafetyNet().size());

            try (SecurityContext.Scope scope = SecurityContext.enter(benchmark.reader);
                    EntityManager em = benchmark.secured.createEntityManager()) {
                assertThrows(AccessDeniedException.class, () -> em.find(LedgerInvoice.class, 1L),
                        "the safety net is on in the secured factory");
            }
            try (SecurityContext.Scope scope = SecurityContext.enter(benchmark.reader);
                    EntityManager em = benchmark.plain.createEntityManager()) {
                assertEquals(1L, em.find(LedgerInvoice.class, 1L).getId(), "and off in the plain one");
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void springDataPages() throws Exception {
        SpringDataBenchmark benchmark = new SpringDataBenchmark();
        benchmark.rows = SPRING_DATA_ROWS;
        benchmark.setUp();
        try {
            Page<LedgerInvoice> expected = benchmark.handWrittenSpecification();
            assertEquals(SPRING_DATA_ROWS / 100, expected.getTotalElements());
            assertEquals(SpringDataBenchmark.PAGE.getPageSize(), expected.getNumberOfElements(),
                    "the second page is full");
            Page<LedgerInvoice> warden = benchmark.wardenSpecification();
            assertEquals(expected.getTotalElements(), warden.getTotalElements());
            assertEquals(ids(expected.getContent()), ids(warden.getContent()));

            try (SecurityContext.Scope scope = SecurityContext.enter(benchmark.reader)) {
                assertThrows(AccessDeniedException.class, () -> benchmark.securedRepository.findById(1L),
                        "Warden is in the secured application's repository");
                assertEquals(1L, benchmark.plainRepository.findById(1L).orElseThrow().getId(),
                        "and not in the plain one's");
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void postFilterAndTheBridge() throws Exception {
        PostFilterBenchmark benchmark = new PostFilterBenchmark();
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<Invoice> expected = benchmark.springPostFilter();
            assertEquals(ROWS / 100, expected.size());
            assertTrue(expected.stream().allMatch(i -> i.getOwner() == BenchDatabase.READER_ID));
            assertEquals(expected, benchmark.wardenThroughTheBridge());
            assertEquals(BenchDatabase.READER_ID, SecurityContext.current().userId(),
                    "Warden's user is Spring Security's, through the bridge");
        } finally {
            benchmark.tearDown();
        }
    }
}
